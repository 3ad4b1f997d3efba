using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shipping;
using GoShop.Ordering.Domain;

namespace GoShop.Ordering.Pricing;

/// <summary>
/// A parcel to price: from the shop to the delivery address (its point when it has one, else its ward, district and
/// city for shipping to geocode), how heavy, and — for cash on delivery — the value of the goods the shipper collects.
/// </summary>
public sealed record ShippingFeeRequest(Guid ShopId, GeoPoint From, OrderAddress To, int WeightGrams, bool CashOnDelivery = false, decimal GoodsValue = 0m);

/// <summary>One part of a shipping fee, to show the buyer how it adds up.</summary>
public sealed record ShippingFeeLine(string Label, decimal Amount);

/// <summary>What a parcel costs to ship, over which distance (assumed when the address could not be located), how long it takes, and why.</summary>
public sealed record ShippingFeeQuote(decimal Fee, double DistanceKm, bool DistanceAssumed, IReadOnlyList<ShippingFeeLine> Breakdown, int EtaMinutes = 0);

/// <summary>Prices the delivery of one order's parcel, or says why it cannot (SHIPPING_UNAVAILABLE, a parcel too heavy…).</summary>
public interface IShippingFeeQuoter
{
    Task<Result<ShippingFeeQuote>> QuoteAsync(ShippingFeeRequest request, CancellationToken cancellationToken);
}

public static class ShippingFeeErrors
{
    public static DomainError ShippingUnavailable { get; } =
        new("SHIPPING_UNAVAILABLE", "Shipping fees cannot be computed right now; try again shortly.");
}

/// <summary>
/// The shipping subgraph's quote (<see cref="ShippingQuotes"/>, <c>POST /internal/quotes</c>): the one fee rule
/// of the platform, the same that <c>shippingQuote</c> answers, so ordering charges exactly what shipping quotes. A
/// shipping subgraph that cannot answer is SHIPPING_UNAVAILABLE; a parcel it refuses to price is its refusal.
/// </summary>
public sealed class ShippingSubgraphFeeQuoter(ShippingQuotes quotes, ILogger<ShippingSubgraphFeeQuoter> logger) : IShippingFeeQuoter
{
    public async Task<Result<ShippingFeeQuote>> QuoteAsync(ShippingFeeRequest request, CancellationToken cancellationToken)
    {
        var to = request.To;
        var parcel = new ShippingQuoteRequest(request.From.Lat, request.From.Lng, to.Latitude, to.Longitude, to.Ward, to.District, to.City,
            request.WeightGrams, CashOnDelivery: request.CashOnDelivery, GoodsValue: request.GoodsValue);
        var answer = await InternalApi.CallAsync(() => quotes.QuoteAsync(parcel, cancellationToken), ShippingFeeErrors.ShippingUnavailable, logger,
            cancellationToken, "quote a shipping fee");
        if (!answer.Succeeded)
            return answer.Error;
        return answer.Value switch
        {
            { Quote: { } quote } when quote.Currency == Money.DefaultCurrency => new ShippingFeeQuote(quote.Fee, quote.DistanceKm, quote.DistanceAssumed,
                quote.Breakdown.Select(l => new ShippingFeeLine(l.Label, l.Amount)).ToList(), quote.EtaMinutes),
            { Refusal: { } refusal } => new DomainError(refusal.Code, refusal.Message),
            _ => throw new InvalidOperationException($"The shipping quote for shop {request.ShopId} came in another currency than {Money.DefaultCurrency}."),
        };
    }
}
