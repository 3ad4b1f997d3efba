using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The seller's dashboard through the gateway, fed only by the other subgraphs' events: an order placed, paid online,
/// confirmed, shipped, delivered and confirmed by its buyer shows up in the shop's analytics with its sales, its
/// commission, its product (resolved by catalog) and its timings; a buyer cannot read it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string ShopAnalytics =
        "query($id: ID!, $from: Date!, $to: Date!) { shop(id: $id) { name analytics(from: $from, to: $to) { orders placedOrders cancelledOrders units grossSales { amount } " +
        "commission { amount } netRevenue { amount } uniqueBuyers newBuyers codShare averageMinutesToConfirm averageDeliveryMinutes " +
        "topProducts { product { id title } units revenue { amount } } series { start orders } } } }";

    [Fact]
    public async Task An_order_paid_and_delivered_shows_up_in_the_seller_s_shop_analytics()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var productId = shop.ProductIds[0];
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        var orderId = await PaidOrderAsync(buyer, addressId, productId);
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "PENDING", "the payment to reach ordering");
        foreach (var move in new[] { "confirmOrder", "shipOrder", "markOrderDelivered" })
            (await shop.Seller.OrderMutationAsync(move, new { orderId })).Succeeded();
        var receipt = await Eventually.ReturnsAsync(
            () => buyer.Client.MutateAsync("mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { escrow { status } " + Errors + " } }",
                new { input = new { orderId } }),
            payload => !payload.UserErrorCodes().Contains("ORDER_NOT_DELIVERED"), TimeSpan.FromSeconds(30));
        receipt.Succeeded();

        // Today and yesterday in Asia/Ho_Chi_Minh: the order is on one of them whenever the test runs.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var variables = new { id = shop.ShopId, from = today.AddDays(-1).ToString("yyyy-MM-dd"), to = today.ToString("yyyy-MM-dd") };
        var analytics = await Eventually.ReturnsAsync(async () => await shop.Seller.Client.SendAsync(ShopAnalytics, variables),
            r => r.Errors.Count == 0 && r.Get("shop.analytics.commission.amount").GetDecimal() > 0 && r.Get("shop.analytics.averageDeliveryMinutes").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(30));
        var figures = analytics.EnsureNoErrors().Get("shop.analytics");

        // Two units at 150,000 đ: the shop sold 300,000 đ, less the platform's commission.
        Assert.Equal((1, 2, 300_000m, 1, 1), (figures.GetProperty("orders").GetInt32(), figures.GetProperty("units").GetInt32(),
            figures.Get("grossSales.amount").GetDecimal(), figures.GetProperty("uniqueBuyers").GetInt32(), figures.GetProperty("newBuyers").GetInt32()));
        Assert.Equal(300_000m - figures.Get("commission.amount").GetDecimal(), figures.Get("netRevenue.amount").GetDecimal());
        Assert.Equal(0d, figures.GetProperty("codShare").GetDouble());
        Assert.True(figures.GetProperty("averageMinutesToConfirm").GetDouble() >= 0);
        Assert.Equal((productId, 2, 300_000m), (figures.Get("topProducts.0.product.id").GetString(), figures.Get("topProducts.0.units").GetInt32(),
            figures.Get("topProducts.0.revenue.amount").GetDecimal()));
        Assert.StartsWith("Áo thun", figures.Get("topProducts.0.product.title").GetString());
        Assert.Equal(1, figures.GetProperty("series").EnumerateArray().Sum(p => p.GetProperty("orders").GetInt32()));
        Assert.Equal(1, figures.GetProperty("placedOrders").GetInt32() - figures.GetProperty("cancelledOrders").GetInt32());

        var asBuyer = await buyer.Client.SendAsync(ShopAnalytics, variables);
        Assert.Contains("FORBIDDEN", asBuyer.ErrorCodes);
    }

    /// <summary>
    /// An order of two units paid online. Unpaid online orders expire within seconds on the test platform; on a busy machine
    /// the payment can come too late, and the order expires (a cancelled order, which analytics counts as such): then the
    /// buyer orders again, at most three times.
    /// </summary>
    private static async Task<string> PaidOrderAsync(Shopper buyer, string addressId, string productId)
    {
        for (var attempt = 1; ; attempt++)
        {
            (await buyer.AddToCartAsync(productId, 2)).Succeeded();
            var orderId = (await buyer.PlaceOrderAsync(addressId, "CARD")).Succeeded().Orders()[0].GetProperty("id").GetString()!;
            try
            {
                await PaymentTests.PayAsync(buyer, orderId, "success");
                return orderId;
            }
            catch (Xunit.Sdk.XunitException expired) when (attempt < 3 && expired.Message.Contains("ORDER_NOT_AWAITING_PAYMENT", StringComparison.Ordinal))
            {
            }
        }
    }
}
