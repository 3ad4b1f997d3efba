using System.Net;
using GoShop.Analytics.Exports;
using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Testing;

namespace GoShop.Analytics.Tests;

/// <summary>A shop's report as CSV behind a signed link: the figures of its days, for the link's shop and period, until it expires.</summary>
public sealed class ExportTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    private const string Export = """
        mutation($input: ExportShopReportInput!) { exportShopReport(input: $input) { url expiresAt userErrors { code field message } } }
        """;

    [Fact]
    public async Task The_owner_s_link_downloads_each_day_s_figures_until_it_expires_and_not_once_tampered()
    {
        var history = new History(seed: 13, shops: 1, new DateOnly(2025, 9, 1), days: 6);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var shop = history.Shops[0];
        var (from, to) = (new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 5));

        var payload = (await app.As(shop.OwnerId, Roles.Seller).Client.MutateAsync(Export, new { input = new { shopId = shop.ShopId, from = "2025-09-02", to = "2025-09-05" } }))
            .Succeeded();
        var url = new Uri(payload.GetProperty("url").GetString()!);
        var http = app.Factory.CreateClient();
        var csv = await http.GetStringAsync(url.PathAndQuery);

        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds(), payload.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(ShopReportExport.Header, lines[0]);
        Assert.Equal(4, lines.Length - 1);
        for (var d = 0; d < 4; d++)
        {
            var day = from.AddDays(d);
            var expected = Recount.Shop(history, shop.ShopId, day, day);
            Assert.Equal($"{day:yyyy-MM-dd},{expected.PlacedOrders},{expected.Orders},{expected.CancelledOrders},{expected.Units},{expected.GrossSales:0.##}," +
                $"{expected.Vouchers:0.##},{expected.Commission:0.##},{expected.Refunds:0.##},{expected.NetRevenue:0.##},{expected.ProductViews},{expected.AddsToCart}",
                lines[d + 1]);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(url.PathAndQuery.Replace("to=2025-09-05", "to=2025-09-06", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(url.PathAndQuery.Replace(shop.ShopId.ToString(), Guid.CreateVersion7().ToString(), StringComparison.Ordinal))).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(url.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Another_seller_a_period_backwards_or_too_long_get_a_user_error_and_no_link()
    {
        var history = new History(seed: 17, shops: 2, new DateOnly(2025, 9, 1), days: 0);
        var seller = app.As(history.Shops[0].OwnerId, Roles.Seller);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());

        async Task<System.Text.Json.JsonElement> ExportAsync(Guid shopId, string from, string to) =>
            await seller.Client.MutateAsync(Export, new { input = new { shopId, from, to } });

        var other = await ExportAsync(history.Shops[1].ShopId, "2025-09-01", "2025-09-02");
        var backwards = await ExportAsync(history.Shops[0].ShopId, "2025-09-03", "2025-09-02");
        var tooLong = await ExportAsync(history.Shops[0].ShopId, "2020-01-01", "2025-09-02");

        Assert.Equal(["FORBIDDEN"], other.UserErrorCodes());
        Assert.Equal("shopId", other.Get("userErrors.0.field.1").GetString());
        Assert.Equal(["INVALID_RANGE"], backwards.UserErrorCodes());
        Assert.Equal("from", backwards.Get("userErrors.0.field.1").GetString());
        Assert.Equal(["RANGE_TOO_LONG"], tooLong.UserErrorCodes());
        Assert.Equal("to", tooLong.Get("userErrors.0.field.1").GetString());
        Assert.All([other, backwards, tooLong], p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("url").ValueKind));
    }
}
