using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Shipping;

/// <summary>
/// A parcel to price. The destination is a point when the address has one; otherwise its ward, district and city are
/// geocoded (and when even that fails, a default distance is charged and the answer says so). <see cref="Method"/> is
/// STANDARD, EXPRESS or SAME_DAY. For cash on delivery, <see cref="GoodsValue"/> is the cash the shipper collects.
/// </summary>
public sealed record ShippingQuoteRequest(
    double FromLatitude,
    double FromLongitude,
    double? ToLatitude,
    double? ToLongitude,
    string? Ward,
    string? District,
    string? City,
    int WeightGrams,
    string Method = "STANDARD",
    bool CashOnDelivery = false,
    decimal GoodsValue = 0m);

/// <summary>One part of a fee.</summary>
public sealed record ShippingQuoteLine(string Label, decimal Amount);

/// <summary>
/// A quote: the fee (the sum of <see cref="Breakdown"/>, whole units of <see cref="Currency"/>), the road distance, how
/// the destination was found (<see cref="DestinationPrecision"/>: POINT when given, WARD, DISTRICT, CITY or PROVINCE when
/// geocoded; null with <see cref="DistanceAssumed"/> when it could not be), and the ETA.
/// </summary>
public sealed record ShippingQuoteAnswer(
    decimal Fee,
    string Currency,
    double DistanceKm,
    bool DistanceAssumed,
    string? DestinationPrecision,
    int EtaMinutes,
    IReadOnlyList<ShippingQuoteLine> Breakdown);

/// <summary>Why a parcel could not be priced (e.g. WEIGHT_OUT_OF_RANGE): an expected failure to tell the buyer.</summary>
public sealed record ShippingQuoteRefusal(string Code, string Message);

/// <summary>A quote or the refusal.</summary>
public sealed record ShippingQuoteResult(ShippingQuoteAnswer? Quote, ShippingQuoteRefusal? Refusal);

/// <summary>
/// The shipping subgraph's internal quote API (<c>POST /internal/quotes</c>): the same rule as the public
/// <c>shippingQuote</c>, for ordering to charge exactly what shipping quotes. Register with
/// <c>AddInternalApiClient&lt;ShippingQuotes&gt;(configuration)</c>.
/// </summary>
public class ShippingQuotes(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Shipping;

    /// <summary>The quote, or the refusal (422) of a parcel that cannot be priced; any other failure throws.</summary>
    public virtual async Task<ShippingQuoteResult> QuoteAsync(ShippingQuoteRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("internal/quotes", request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            return new ShippingQuoteResult(null, await response.Content.ReadFromJsonAsync<ShippingQuoteRefusal>(cancellationToken));
        response.EnsureSuccessStatusCode();
        return new ShippingQuoteResult(await response.Content.ReadFromJsonAsync<ShippingQuoteAnswer>(cancellationToken), null);
    }
}
