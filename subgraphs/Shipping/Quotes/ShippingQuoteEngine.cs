using System.Globalization;
using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Geocoding;
using Microsoft.Extensions.Options;

namespace GoShop.Shipping.Quotes;

/// <summary>A parcel's size in centimetres, for its volumetric weight.</summary>
public sealed record ParcelDimensions(double LengthCm, double WidthCm, double HeightCm);

/// <summary>
/// A parcel to price: from where to where (no destination point: the assumed distance is charged), how heavy (and
/// big), by which method, and the cash to collect on delivery (0 when paid online).
/// </summary>
public sealed record QuoteRequest(
    GeoPoint From,
    GeoPoint? To,
    int WeightGrams,
    ShippingMethod Method = ShippingMethod.Standard,
    ParcelDimensions? Dimensions = null,
    decimal CodAmount = 0m);

/// <summary>One part of a fee, to show how it adds up.</summary>
public sealed record QuoteLine(string Label, decimal Amount);

/// <summary>
/// What a parcel costs (<see cref="Fee"/> is the sum of <see cref="Breakdown"/>, whole đồng), over which road distance,
/// how long it takes from the order to the door, and the weight charged. <see cref="DistanceAssumed"/>: the destination had
/// no point, so <c>AssumedDistanceKm</c> was charged.
/// </summary>
public sealed record ShippingQuote(
    ShippingMethod Method,
    decimal Fee,
    string Currency,
    double DistanceKm,
    bool DistanceAssumed,
    double StraightLineKm,
    int EtaMinutes,
    int ChargeableWeightGrams,
    bool RemoteArea,
    IReadOnlyList<QuoteLine> Breakdown);

public static class QuoteErrors
{
    public static DomainError WeightOutOfRange(int max) =>
        new("WEIGHT_OUT_OF_RANGE", $"The weight must be 0 g or more and at most {max} g (volumetric weight included).", "weightGrams");

    public static DomainError InvalidDimensions { get; } =
        new("INVALID_DIMENSIONS", "Each dimension must be more than 0 and at most 300 cm.", "dimensions");

    public static DomainError InvalidCodAmount { get; } = new("INVALID_COD_AMOUNT", "The cash to collect cannot be negative.", "codAmount");

    public static DomainError MethodOutOfRange(ShippingMethod method, double maxKm) =>
        new("METHOD_OUT_OF_RANGE", $"{method.ToContractName()} delivers within {maxKm:0.#} km by road; choose another method.", "method");
}

/// <summary>
/// The fee rule of the platform (options <c>Shipping:Quotes</c>), pure: the same request always costs the same.
/// Distance: great circle × road factor. Transport part: base fee + road km × per-km, capped by the distance ceiling (as
/// carriers cap a zone price), then weight steps on the chargeable weight (the heavier of real and volumetric) on top,
/// uncapped, so a heavier parcel always costs more; all of it times the method's multiplier. Then surcharges: remote
/// area (the destination is far from every hub of the gazetteer) and cash on delivery.
/// </summary>
public sealed class ShippingQuoteEngine
{
    private const double MaxDimensionCm = 300;

    private readonly IOptions<ShippingQuoteOptions> _options;
    private readonly IReadOnlyList<GeoPoint> _hubs;

    public ShippingQuoteEngine(IOptions<ShippingQuoteOptions> options, Gazetteer gazetteer)
    {
        _options = options;
        _hubs = options.Value.RemoteAreaHubs.Select(code => gazetteer.Province(code).Point).ToList();
    }

    private ShippingQuoteOptions Rule => _options.Value;

    public Result<ShippingQuote> Quote(QuoteRequest request)
    {
        var rule = Rule;
        if (request.Dimensions is { } size && new[] { size.LengthCm, size.WidthCm, size.HeightCm }.Any(d => double.IsNaN(d) || d <= 0 || d > MaxDimensionCm))
            return QuoteErrors.InvalidDimensions;
        if (request.CodAmount < 0)
            return QuoteErrors.InvalidCodAmount;
        var chargeable = Math.Max(request.WeightGrams, VolumetricGrams(request.Dimensions));
        if (request.WeightGrams < 0 || chargeable > rule.MaxWeightGrams)
            return QuoteErrors.WeightOutOfRange(rule.MaxWeightGrams);
        var assumed = request.To is null;
        var straight = request.To is { } to ? request.From.DistanceKmTo(to) : rule.AssumedDistanceKm / rule.RoadFactor;
        var road = request.To is null ? rule.AssumedDistanceKm : Math.Round(straight * rule.RoadFactor, 1);
        var method = rule.Rule(request.Method);
        if (method.MaxDistanceKm > 0 && road > method.MaxDistanceKm)
            return QuoteErrors.MethodOutOfRange(request.Method, method.MaxDistanceKm);

        var lines = new List<QuoteLine>
        {
            new("Base fee", Money.Round(rule.BaseFee)),
            new(assumed ? $"Distance {Km(road)} km (assumed: the address has no point on the map)"
                    : $"Distance {Km(road)} km by road ({Km(Math.Round(straight, 1))} km as the crow flies × {rule.RoadFactor.ToString("0.##", CultureInfo.InvariantCulture)})",
                Money.Round(rule.PerKm * (decimal)road)),
        };
        var distancePart = lines.Sum(l => l.Amount);
        var ceiling = Money.Round(rule.MaxDistanceFee);
        if (ceiling > 0 && distancePart > ceiling)
            lines.Add(new($"Ceiling of {ceiling.ToString("#,0", CultureInfo.InvariantCulture)} đ on the base fee and distance", ceiling - distancePart));
        lines.AddRange(WeightLines(request.WeightGrams, chargeable, rule));
        var transport = lines.Sum(l => l.Amount);
        if (method.Multiplier != 1m)
            lines.Add(new($"{request.Method.ToContractName()} × {method.Multiplier.ToString("0.##", CultureInfo.InvariantCulture)}", Money.Round(transport * (method.Multiplier - 1m))));
        var remote = request.To is { } destination && IsRemote(destination);
        if (remote && rule.RemoteAreaSurcharge > 0)
            lines.Add(new($"Remote area (over {Km(rule.RemoteAreaKm)} km from the nearest hub)", Money.Round(rule.RemoteAreaSurcharge)));
        if (request.CodAmount > 0)
            lines.Add(new($"Cash on delivery ({(rule.CodRate * 100).ToString("0.##", CultureInfo.InvariantCulture)} % of {request.CodAmount.ToString("#,0", CultureInfo.InvariantCulture)} đ)",
                Math.Max(Money.Round(rule.CodMinSurcharge), Money.Round(request.CodAmount * rule.CodRate))));

        return new ShippingQuote(request.Method, lines.Sum(l => l.Amount), rule.Currency, road, assumed, Math.Round(straight, 1),
            method.HandlingMinutes + TravelMinutes(road, method), chargeable, remote, lines);
    }

    /// <summary>
    /// A fresh ETA in minutes from where the parcel is now to where it goes, by road at the method's speed (no handling
    /// time: the parcel is on its way). For live tracking.
    /// </summary>
    public int EtaMinutes(GeoPoint from, GeoPoint to, ShippingMethod method = ShippingMethod.Standard) =>
        TravelMinutes(RoadDistanceKm(from, to), Rule.Rule(method));

    /// <summary>The road distance the fee is charged on: great circle × road factor, to 0.1 km.</summary>
    public double RoadDistanceKm(GeoPoint from, GeoPoint to) => Math.Round(from.DistanceKmTo(to) * Rule.RoadFactor, 1);

    /// <summary>Whether a destination is far (over <c>RemoteAreaKm</c>) from every hub.</summary>
    public bool IsRemote(GeoPoint point) => _hubs.Count > 0 && _hubs.Min(hub => hub.DistanceKmTo(point)) > Rule.RemoteAreaKm;

    /// <summary>L × W × H (cm) ÷ divisor, in grams, rounded up; 0 without dimensions.</summary>
    public int VolumetricGrams(ParcelDimensions? size) => size is null ? 0
        : (int)Math.Ceiling(size.LengthCm * size.WidthCm * size.HeightCm / Rule.VolumetricDivisor * 1000);

    private static IEnumerable<QuoteLine> WeightLines(int actual, int chargeable, ShippingQuoteOptions rule)
    {
        var weighed = chargeable > actual ? $"volumetric weight {chargeable} g" : $"weight {chargeable} g";
        var normal = HalfKilos(Math.Min(chargeable, rule.HeavyFromGrams) - rule.IncludedWeightGrams);
        if (normal > 0)
            yield return new($"{Capitalised(weighed)}: {normal} × 500 g over the first {rule.IncludedWeightGrams} g", Money.Round(normal * rule.PerHalfKg));
        var heavy = HalfKilos(chargeable - Math.Max(rule.HeavyFromGrams, rule.IncludedWeightGrams));
        if (heavy > 0)
            yield return new($"Heavy parcel: {heavy} × 500 g over {rule.HeavyFromGrams} g", Money.Round(heavy * rule.HeavyPerHalfKg));
    }

    private static int TravelMinutes(double roadKm, ShippingMethodRule method) =>
        (int)Math.Ceiling(roadKm / Math.Max(1, method.SpeedKmh) * 60);

    private static int HalfKilos(int grams) => grams <= 0 ? 0 : (grams + 499) / 500;

    private static string Km(double km) => km.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
