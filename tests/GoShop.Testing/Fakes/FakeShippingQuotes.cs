using System.Collections.Concurrent;
using System.Net;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Shipping;

namespace GoShop.Testing.Fakes;

/// <summary>
/// The shipping subgraph's <c>POST /internal/quotes</c>, for the <see cref="ShippingQuotes"/> client. It prices
/// by a plain rule the test may change (not shipping's real rule: this project does not reference the shipping subgraph)
/// and keeps every quote it gave, so a test can assert that what was charged is exactly what was quoted.
/// </summary>
public sealed class FakeShippingQuotes : FakeInternalService
{
    private readonly ConcurrentQueue<(ShippingQuoteRequest Request, ShippingQuoteAnswer Answer)> _quotes = new();

    /// <summary>What every parcel costs.</summary>
    public decimal BaseFee { get; set; } = 20_000m;

    /// <summary>What each whole kilometre (as the crow flies) adds.</summary>
    public decimal PerKm { get; set; } = 1_000m;

    /// <summary>What each started kilogram adds.</summary>
    public decimal PerKg { get; set; } = 3_000m;

    /// <summary>What cash on delivery adds.</summary>
    public decimal CodSurcharge { get; set; } = 7_000m;

    /// <summary>The distance charged when the destination has no point.</summary>
    public double AssumedKm { get; set; } = 12.5;

    /// <summary>When set, every parcel is refused with this code and message (422), as shipping refuses one it cannot price.</summary>
    public ShippingQuoteRefusal? Refusal { get; set; }

    /// <summary>The quotes answered so far, oldest first.</summary>
    public IReadOnlyList<(ShippingQuoteRequest Request, ShippingQuoteAnswer Answer)> Quotes => _quotes.ToList();

    /// <summary>The quote this fake answers for a parcel.</summary>
    public ShippingQuoteAnswer Price(ShippingQuoteRequest request)
    {
        var assumed = request.ToLatitude is null || request.ToLongitude is null;
        var km = assumed ? AssumedKm : Math.Round(new GeoPoint(request.FromLatitude, request.FromLongitude).DistanceKmTo(new GeoPoint(request.ToLatitude!.Value, request.ToLongitude!.Value)), 1);
        var lines = new List<ShippingQuoteLine>
        {
            new("Base fee", BaseFee),
            new(assumed ? $"Distance {km} km (assumed)" : $"Distance {km} km", PerKm * (decimal)Math.Floor(km)),
            new($"Weight {request.WeightGrams} g", PerKg * ((request.WeightGrams + 999) / 1000)),
        };
        if (request.CashOnDelivery)
            lines.Add(new($"Cash on delivery of {request.GoodsValue} VND", CodSurcharge));
        return new ShippingQuoteAnswer(lines.Sum(l => l.Amount), "VND", km, assumed, assumed ? null : "POINT", 60 + (int)Math.Ceiling(km * 3), lines);
    }

    protected override async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        if (!IsPost(request) || segments is not ["quotes"])
            return NotFound();
        var parcel = await ReadAsync<ShippingQuoteRequest>(request, cancellationToken);
        if (Refusal is { } refusal)
            return Json(refusal, HttpStatusCode.UnprocessableEntity);
        var answer = Price(parcel);
        _quotes.Enqueue((parcel, answer));
        return Json(answer);
    }
}
