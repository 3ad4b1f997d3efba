using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Shipping;
using GoShop.Shipping.Geocoding;
using GoShop.Shipping.Quotes;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;

namespace GoShop.Shipping.Tests.Quotes;

/// <summary>shippingQuote, shippingMethods and distanceMatrix through GraphQL, and ordering's internal quote API: one rule.</summary>
public sealed class ShippingQuoteTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    private const string QuoteQuery = """
        query($input: ShippingQuoteInput!) {
          shippingQuote(input: $input) {
            method fee { amount currency } distanceKm straightLineKm etaMinutes chargeableWeightGrams remoteArea
            breakdown { label amount { amount currency } }
          }
        }
        """;

    private static readonly GeoPoint BenThanh = new(10.7725, 106.6980);
    private static readonly GeoPoint District5 = new(10.7560, 106.6670);
    private static readonly GeoPoint ThuDuc = new(10.8486, 106.7721);

    [Fact]
    public async Task A_quote_is_the_engines_with_its_breakdown_and_grows_with_distance_and_weight()
    {
        var near = await QuoteAsync(BenThanh, District5, 800);
        var farther = await QuoteAsync(BenThanh, ThuDuc, 800);
        var heavier = await QuoteAsync(BenThanh, District5, 3_000);

        var expected = app.Service<ShippingQuoteEngine>().Quote(new QuoteRequest(BenThanh, District5, 800)).Value!;
        Assert.Equal((expected.Fee, "VND"), (near.Get("fee.amount").GetDecimal(), near.Get("fee.currency").GetString()));
        Assert.Equal((expected.DistanceKm, expected.EtaMinutes, "STANDARD"), (near.Get("distanceKm").GetDouble(), near.Get("etaMinutes").GetInt32(), near.Text("method")));
        Assert.Equal(expected.Breakdown.Select(l => (l.Label, l.Amount)),
            near.GetProperty("breakdown").EnumerateArray().Select(l => (l.Text("label")!, l.Get("amount.amount").GetDecimal())));
        Assert.True(farther.Get("fee.amount").GetDecimal() > near.Get("fee.amount").GetDecimal());
        Assert.True(heavier.Get("fee.amount").GetDecimal() > near.Get("fee.amount").GetDecimal());
    }

    [Fact]
    public async Task Method_dimensions_and_cash_on_delivery_are_priced()
    {
        var quote = await QuoteAsync(BenThanh, ThuDuc, 500, new { method = "EXPRESS", dimensions = new { lengthCm = 40, widthCm = 30, heightCm = 25 }, codAmount = 2_000_000m });

        Assert.Equal(("EXPRESS", 5_000), (quote.Text("method"), quote.Get("chargeableWeightGrams").GetInt32()));
        var labels = quote.GetProperty("breakdown").EnumerateArray().Select(l => l.Text("label")!).ToList();
        Assert.Contains(labels, l => l.StartsWith("Volumetric weight 5000 g", StringComparison.Ordinal));
        Assert.Contains("EXPRESS × 1.4", labels);
        Assert.Contains(labels, l => l.StartsWith("Cash on delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parcel_that_cannot_be_priced_is_a_bad_user_input_error()
    {
        var negative = await app.Client().SendAsync(QuoteQuery, new { input = Input(BenThanh, District5, -1) });
        var sameDayAcrossTheCountry = await app.Client().SendAsync(QuoteQuery, new { input = Input(BenThanh, new GeoPoint(21.0285, 105.8542), 500, new { method = "SAME_DAY" }) });
        var offTheGlobe = await app.Client().SendAsync(QuoteQuery, new { input = Input(BenThanh, new GeoPoint(91, 0), 500) });

        Assert.Equal(["BAD_USER_INPUT"], negative.ErrorCodes);
        Assert.Contains("weight", negative.Errors[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["BAD_USER_INPUT"], sameDayAcrossTheCountry.ErrorCodes);
        Assert.NotEmpty(offTheGlobe.Errors);
    }

    [Fact]
    public async Task The_methods_are_listed_with_their_rules()
    {
        var methods = (await app.Client().SendAsync("{ shippingMethods { method description multiplier handlingMinutes speedKmh maxDistanceKm } }"))
            .EnsureNoErrors().Get("shippingMethods").EnumerateArray().ToList();

        Assert.Equal(["STANDARD", "EXPRESS", "SAME_DAY"], methods.Select(m => m.Text("method")));
        Assert.Equal(JsonValueKind.Null, methods[0].GetProperty("maxDistanceKm").ValueKind);
        Assert.Equal(40, methods[2].GetProperty("maxDistanceKm").GetDouble());
        Assert.Equal(1.4m, methods[1].GetProperty("multiplier").GetDecimal());
    }

    [Fact]
    public async Task The_distance_matrix_answers_every_origin_and_destination_pair()
    {
        var engine = app.Service<ShippingQuoteEngine>();
        var origins = new[] { BenThanh, ThuDuc };
        var destinations = new[] { District5, BenThanh, ThuDuc };

        var cells = (await app.Client().SendAsync("""
            query($origins: [GeoPointInput!]!, $destinations: [GeoPointInput!]!) {
              distanceMatrix(origins: $origins, destinations: $destinations, method: EXPRESS) { originIndex destinationIndex distanceKm etaMinutes }
            }
            """, new { origins = origins.Select(Point), destinations = destinations.Select(Point) })).EnsureNoErrors().Get("distanceMatrix").EnumerateArray().ToList();
        var tooMany = await app.Client().SendAsync("""
            query($points: [GeoPointInput!]!) { distanceMatrix(origins: $points, destinations: $points) { distanceKm } }
            """, new { points = Enumerable.Repeat(Point(BenThanh), 26) });

        Assert.Equal(6, cells.Count);
        var cell = cells.Single(c => c.GetProperty("originIndex").GetInt32() == 1 && c.GetProperty("destinationIndex").GetInt32() == 0);
        Assert.Equal(engine.RoadDistanceKm(ThuDuc, District5), cell.GetProperty("distanceKm").GetDouble());
        Assert.Equal(engine.EtaMinutes(ThuDuc, District5, ShippingMethod.Express), cell.GetProperty("etaMinutes").GetInt32());
        Assert.Equal(0, cells.Single(c => c.GetProperty("originIndex").GetInt32() == 0 && c.GetProperty("destinationIndex").GetInt32() == 1).GetProperty("distanceKm").GetDouble());
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);
    }

    [Fact]
    public async Task The_internal_quote_api_charges_what_shippingQuote_quotes()
    {
        var quotes = new ShippingQuotes(app.InternalHttp());

        var answer = (await quotes.QuoteAsync(new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, District5.Lat, District5.Lng, null, null, null, 1_800),
            CancellationToken.None)).Quote!;
        var public_ = await QuoteAsync(BenThanh, District5, 1_800);

        Assert.Equal(public_.Get("fee.amount").GetDecimal(), answer.Fee);
        Assert.Equal(public_.Get("distanceKm").GetDouble(), answer.DistanceKm);
        Assert.Equal(public_.Get("etaMinutes").GetInt32(), answer.EtaMinutes);
        Assert.Equal(("VND", false, "POINT"), (answer.Currency, answer.DistanceAssumed, answer.DestinationPrecision));
        Assert.Equal(public_.GetProperty("breakdown").EnumerateArray().Select(l => l.Text("label")!), answer.Breakdown.Select(l => l.Label));
    }

    [Fact]
    public async Task An_address_without_a_point_is_geocoded_and_one_that_cannot_be_is_charged_the_assumed_distance()
    {
        var quotes = new ShippingQuotes(app.InternalHttp());
        var district5 = app.Service<Gazetteer>().Districts.Single(d => d.Province.Code == "79" && d.Name == "5");

        var geocoded = (await quotes.QuoteAsync(new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, null, null, "Phường 2", "Quận 5", "TP. Hồ Chí Minh", 500),
            CancellationToken.None)).Quote!;
        var unknown = (await quotes.QuoteAsync(new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, null, null, null, "Nowhere", "Atlantis", 500),
            CancellationToken.None)).Quote!;

        Assert.False(geocoded.DistanceAssumed);
        Assert.Equal(app.Service<ShippingQuoteEngine>().RoadDistanceKm(BenThanh, district5.Point), geocoded.DistanceKm);
        Assert.Equal("DISTRICT", geocoded.DestinationPrecision);
        Assert.True(unknown.DistanceAssumed);
        Assert.Null(unknown.DestinationPrecision);
        Assert.Equal(12.5, unknown.DistanceKm);
        Assert.Contains("assumed", unknown.Breakdown[1].Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cash_on_delivery_adds_its_surcharge_on_the_goods_value()
    {
        var quotes = new ShippingQuotes(app.InternalHttp());
        var request = new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, District5.Lat, District5.Lng, null, null, null, 500);

        var prepaid = (await quotes.QuoteAsync(request, CancellationToken.None)).Quote!;
        var cod = (await quotes.QuoteAsync(request with { CashOnDelivery = true, GoodsValue = 4_000_000m }, CancellationToken.None)).Quote!;

        Assert.Equal(20_000m, cod.Fee - prepaid.Fee);
        Assert.StartsWith("Cash on delivery", cod.Breakdown[^1].Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_internal_api_refuses_what_it_cannot_price_and_callers_without_the_key()
    {
        var quotes = new ShippingQuotes(app.InternalHttp());

        var refused = await quotes.QuoteAsync(new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, District5.Lat, District5.Lng, null, null, null, 60_000),
            CancellationToken.None);
        using var badMethod = await app.InternalHttp().PostAsJsonAsync("/internal/quotes",
            new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, District5.Lat, District5.Lng, null, null, null, 500, Method: "TELEPORT"));
        using var offTheGlobe = await app.InternalHttp().PostAsJsonAsync("/internal/quotes",
            new ShippingQuoteRequest(95, BenThanh.Lng, District5.Lat, District5.Lng, null, null, null, 500));
        using var noKey = await app.InternalHttp(key: null).PostAsJsonAsync("/internal/quotes",
            new ShippingQuoteRequest(BenThanh.Lat, BenThanh.Lng, District5.Lat, District5.Lng, null, null, null, 500));

        Assert.Null(refused.Quote);
        Assert.Equal("WEIGHT_OUT_OF_RANGE", refused.Refusal?.Code);
        Assert.Equal(HttpStatusCode.BadRequest, badMethod.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, offTheGlobe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    private async Task<JsonElement> QuoteAsync(GeoPoint from, GeoPoint to, int weightGrams, object? extra = null) =>
        (await app.Client().SendAsync(QuoteQuery, new { input = Input(from, to, weightGrams, extra) })).EnsureNoErrors().Get("shippingQuote");

    private static Dictionary<string, object?> Input(GeoPoint from, GeoPoint to, int weightGrams, object? extra = null)
    {
        var input = new Dictionary<string, object?> { ["from"] = Point(from), ["to"] = Point(to), ["weightGrams"] = weightGrams };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
            input[property.Name] = property.GetValue(extra);
        return input;
    }

    private static object Point(GeoPoint point) => new { lat = point.Lat, lng = point.Lng };
}
