using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shipping;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Geocoding;
using GoShop.Shipping.Quotes;

namespace GoShop.Shipping.Internal;

/// <summary>
/// Shipping's internal API, under <c>/internal</c> (key-checked, never behind the gateway): <c>POST /internal/quotes</c>
/// (client: <see cref="ShippingQuotes"/>), ordering's fees, priced by
/// <see cref="ShippingQuoteEngine"/> like the public shippingQuote. A destination without a point is geocoded from its
/// ward, district and city; one that cannot be located is charged <c>Shipping:Quotes:AssumedDistanceKm</c> and the answer
/// says so. A parcel that cannot be priced is 422 with the refusal; a malformed request is 400.
/// </summary>
public static class ShippingInternalApi
{
    public static WebApplication MapShippingInternalApi(this WebApplication app)
    {
        app.MapInternalApi().MapPost("/quotes", async (ShippingQuoteRequest request, ShippingQuoteEngine engine, IGeocoder geocoder,
            CancellationToken cancellationToken) =>
        {
            if (!GeoPoint.IsValid(request.FromLatitude, request.FromLongitude)
                || (request.ToLatitude is { } toLat && request.ToLongitude is { } toLng && !GeoPoint.IsValid(toLat, toLng))
                || !TryMethod(request.Method, out var method))
                return Results.Problem("The points must be valid coordinates and the method STANDARD, EXPRESS or SAME_DAY.", statusCode: StatusCodes.Status400BadRequest);

            var (to, precision) = await DestinationAsync(request, geocoder, cancellationToken);
            var quoted = engine.Quote(new QuoteRequest(new GeoPoint(request.FromLatitude, request.FromLongitude), to, request.WeightGrams, method,
                CodAmount: request.CashOnDelivery ? request.GoodsValue : 0m));
            if (!quoted.Succeeded)
                return Results.UnprocessableEntity(new ShippingQuoteRefusal(quoted.Error.Code, quoted.Error.Message));
            var quote = quoted.Value;
            return Results.Ok(new ShippingQuoteAnswer(quote.Fee, quote.Currency, quote.DistanceKm, quote.DistanceAssumed, precision, quote.EtaMinutes,
                quote.Breakdown.Select(l => new ShippingQuoteLine(l.Label, l.Amount)).ToList()));
        });
        return app;
    }

    private static async Task<(GeoPoint? To, string? Precision)> DestinationAsync(ShippingQuoteRequest request, IGeocoder geocoder, CancellationToken cancellationToken)
    {
        if (request.ToLatitude is { } lat && request.ToLongitude is { } lng)
            return (new GeoPoint(lat, lng), "POINT");
        var found = await geocoder.GeocodeAsync(new AddressQuery(null, request.Ward, request.District, request.City), cancellationToken);
        return found is { Point: { } point, Precision: { } precision } ? (point, precision.ToContractName()) : (null, null);
    }

    private static bool TryMethod(string? name, out ShippingMethod method)
    {
        method = Enum.GetValues<ShippingMethod>().FirstOrDefault(m => m.ToContractName() == (name ?? "STANDARD"));
        return method.ToContractName() == (name ?? "STANDARD");
    }
}
