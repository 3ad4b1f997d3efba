using System.Globalization;
using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Domain;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Pricing;

/// <summary>A parcel to price: from the shop, to the address (no point when the address has none), and how heavy.</summary>
public sealed record ShippingFeeRequest(Guid ShopId, GeoPoint From, GeoPoint? To, int WeightGrams);

/// <summary>One part of a shipping fee, to show the buyer how it adds up.</summary>
public sealed record ShippingFeeLine(string Label, decimal Amount);

/// <summary>What a parcel costs to ship, over which distance (assumed when the address has no point), and why.</summary>
public sealed record ShippingFeeQuote(decimal Fee, double DistanceKm, bool DistanceAssumed, IReadOnlyList<ShippingFeeLine> Breakdown);

/// <summary>
/// Prices the delivery of one order's parcel. Today <see cref="DistanceShippingFeeQuoter"/>; the shipping subgraph will
/// answer this through its internal API once it exists, and nothing else in ordering changes.
/// </summary>
public interface IShippingFeeQuoter
{
    Task<ShippingFeeQuote> QuoteAsync(ShippingFeeRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The rule of <c>Ordering:ShippingFees</c>: a base fee, plus each kilometre from the shop to the address as the crow
/// flies, plus each started 500 g over the first kilogram, up to a ceiling. An address without a point on the map is
/// charged a default distance, and the breakdown says so.
/// </summary>
public sealed class DistanceShippingFeeQuoter(IOptions<OrderingOptions> options) : IShippingFeeQuoter
{
    private const double EarthRadiusKm = 6371.0088;

    public Task<ShippingFeeQuote> QuoteAsync(ShippingFeeRequest request, CancellationToken cancellationToken)
    {
        var rule = options.Value.ShippingFees;
        var assumed = request.To is null;
        var km = request.To is { } to ? Math.Round(DistanceKm(request.From, to), 1) : rule.DefaultDistanceKm;
        var distance = km.ToString("0.#", CultureInfo.InvariantCulture);
        var lines = new List<ShippingFeeLine>
        {
            new("Base fee", Dong.Round(rule.BaseFee)),
            new(assumed ? $"Distance {distance} km (assumed: the address has no point on the map)" : $"Distance {distance} km",
                Dong.Round(rule.PerKm * (decimal)km)),
        };
        var extraHalfKgs = (Math.Max(0, request.WeightGrams - rule.IncludedWeightGrams) + 499) / 500;
        if (extraHalfKgs > 0)
            lines.Add(new($"Weight {request.WeightGrams} g: {extraHalfKgs} × 500 g over the first {rule.IncludedWeightGrams} g",
                Dong.Round(extraHalfKgs * rule.PerHalfKg)));
        var fee = lines.Sum(l => l.Amount);
        var ceiling = Dong.Round(rule.MaxFee);
        if (ceiling > 0 && fee > ceiling)
        {
            lines.Add(new($"Ceiling of {ceiling.ToString("0", CultureInfo.InvariantCulture)} đ per parcel", ceiling - fee));
            fee = ceiling;
        }
        return Task.FromResult(new ShippingFeeQuote(fee, km, assumed, lines));
    }

    /// <summary>The great-circle distance (haversine) between two points, in kilometres.</summary>
    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(to.Lat - from.Lat);
        var dLng = Radians(to.Lng - from.Lng);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(from.Lat)) * Math.Cos(Radians(to.Lat)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
