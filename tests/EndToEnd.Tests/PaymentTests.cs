using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// Paying online through the gateway with VNPay's sandbox: the buyer opens the payment URL with an outcome and the
/// sandbox sends VNPay's signed IPN to the payments subgraph, which moves the money and tells ordering. Then the escrow
/// follows the order: released after delivery and confirmed receipt, refunded when a paid order is cancelled.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PaymentTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string StartPayment =
        "mutation($input: StartPaymentInput!) { startPayment(input: $input) { payment { id status } redirectUrl " + Errors + " } }";

    private const string OrderWithMoney =
        "query($id: ID!) { order(id: $id) { status payment { id status refundedAmount { amount } } escrow { status amount { amount } commission { amount } } } }";

    [Fact]
    public async Task A_vnpay_payment_moves_the_order_on_holds_its_money_and_releases_it_after_confirmed_receipt()
    {
        var (shop, buyer, orderId, _) = await OnlineOrderAsync();

        await PayAsync(buyer, orderId, "success");

        var paid = await OrderAsync(buyer, orderId, o => o.GetProperty("status").GetString() == "PENDING" && o.Get("escrow.status").GetString() == "HELD");
        Assert.Equal(("PENDING", "CAPTURED"), (paid.GetProperty("status").GetString(), paid.Get("payment.status").GetString()));
        var seller = shop.Seller;
        (await seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();
        (await seller.OrderMutationAsync("shipOrder", new { orderId })).Succeeded();
        (await seller.OrderMutationAsync("markOrderDelivered", new { orderId })).Succeeded();

        // Payments hears of the delivery through ordering's event; until then receipt cannot be confirmed.
        var confirmed = await Eventually.ReturnsAsync(
            () => buyer.Client.MutateAsync("mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { escrow { status } " + Errors + " } }",
                new { input = new { orderId } }),
            payload => !payload.UserErrorCodes().Contains("ORDER_NOT_DELIVERED"));

        Assert.Equal("RELEASED", confirmed.Succeeded().Get("escrow.status").GetString());
        var released = await OrderAsync(buyer, orderId, o => true);
        Assert.True(released.Get("escrow.commission.amount").GetDecimal() > 0);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it()
    {
        var (_, buyer, orderId, _) = await OnlineOrderAsync();
        await PayAsync(buyer, orderId, "success");
        await OrderAsync(buyer, orderId, o => o.GetProperty("status").GetString() == "PENDING");

        (await buyer.OrderMutationAsync("cancelOrder", new { orderId, reason = "Đổi ý" })).Succeeded();

        // The escrow and the payment are read by two queries of one request; the refund can commit between them, so
        // wait until a response shows both (CI once saw the escrow REFUNDED beside a payment still CAPTURED).
        var refunded = await OrderAsync(buyer, orderId, o => o.Get("escrow.status").GetString() == "REFUNDED" && o.Get("payment.status").GetString() == "REFUNDED");
        Assert.Equal(("CANCELLED", "REFUNDED"), (refunded.GetProperty("status").GetString(), refunded.Get("payment.status").GetString()));
        Assert.Equal(refunded.Get("escrow.amount.amount").GetDecimal(), refunded.Get("payment.refundedAmount.amount").GetDecimal());
    }

    [Fact]
    public async Task A_failed_payment_cancels_the_order_and_puts_its_stock_back_on_sale()
    {
        var (_, buyer, orderId, productId) = await OnlineOrderAsync();
        Assert.Equal(1, (await Shopping.InventoryAsync(platform, productId)).Reserved);

        await PayAsync(buyer, orderId, "failure");

        var cancelled = await OrderAsync(buyer, orderId, o => o.GetProperty("status").GetString() == "CANCELLED");
        Assert.Equal("FAILED", cancelled.Get("payment.status").GetString());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("escrow").ValueKind);
        await Eventually.HoldsAsync(async () => (await Shopping.InventoryAsync(platform, productId)) == (5, 0, 5), "the order's stock to be released");
    }

    [Fact]
    public async Task A_payment_that_arrives_after_the_unpaid_order_was_cancelled_is_refunded()
    {
        var (_, buyer, orderId, _) = await OnlineOrderAsync();
        var started = (await buyer.Client.MutateAsync(StartPayment,
            new { input = new { orderId, method = "CARD", gateway = "VNPAY", idempotencyKey = "late-" + orderId } })).Succeeded();
        // The platform gives an unpaid order a few seconds before ordering cancels it (Ordering:PaymentTimeout).
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "CANCELLED", "ordering to cancel the unpaid order", TimeSpan.FromSeconds(30));

        await OpenPaymentPageAsync(started.GetProperty("redirectUrl").GetString()!, "success");

        var refunded = await OrderAsync(buyer, orderId, o => o.Get("payment.status").GetString() == "REFUNDED");
        Assert.Equal(("CANCELLED", "REFUNDED", JsonValueKind.Null), (refunded.GetProperty("status").GetString(), refunded.Get("payment.status").GetString(),
            refunded.GetProperty("escrow").ValueKind));
    }

    [Fact]
    public async Task A_paid_order_its_shop_never_confirms_cancels_itself_refunds_the_buyer_and_puts_the_stock_back()
    {
        var (_, buyer, orderId, productId) = await OnlineOrderAsync();
        await PayAsync(buyer, orderId, "success");
        await OrderAsync(buyer, orderId, o => o.GetProperty("status").GetString() == "PENDING" && StatusOf(o, "escrow") == "HELD");

        // The platform gives a shop 20 seconds to confirm (Ordering:ConfirmationTimeout); nobody confirms this one.
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "CANCELLED", "ordering to cancel the unconfirmed order",
            TimeSpan.FromSeconds(60));

        var seen = default(JsonElement);
        try
        {
            seen = await OrderAsync(buyer, orderId, o => StatusOf(o, "escrow") == "REFUNDED" && StatusOf(o, "payment") == "REFUNDED");
        }
        catch (TimeoutException)
        {
            seen = (await buyer.Client.SendAsync(OrderWithMoney, new { id = orderId })).EnsureNoErrors().Get("order");
            Assert.Fail($"The cancelled order's money was not refunded: {seen}");
        }
        Assert.Equal(seen.Get("escrow.amount.amount").GetDecimal(), seen.Get("payment.refundedAmount.amount").GetDecimal());
        var timeline = (await buyer.Client.SendAsync("query($id: ID!) { order(id: $id) { timeline { kind detail } } }", new { id = orderId }))
            .EnsureNoErrors().Get("order.timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, entry => entry.GetProperty("kind").GetString() == "CANCELLED"
            && entry.GetProperty("detail").GetString() == "The shop did not confirm the order within 20 seconds; its items are back on sale and anything paid is refunded.");
        await Eventually.HoldsAsync(async () => (await Shopping.InventoryAsync(platform, productId)) == (5, 0, 5), "the order's stock to be released");
    }

    /// <summary>
    /// A card order of a new buyer from a new shop (one product, 5 in stock), waiting for its payment. The platform cancels
    /// an unpaid order after a few seconds, so payments is asked once before the order exists (and refuses): the payment
    /// that follows is not slowed by a cold start.
    /// </summary>
    private async Task<(StockedShop Shop, Shopper Buyer, string OrderId, string ProductId)> OnlineOrderAsync()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 1)).Succeeded();
        var unknown = await buyer.Client.MutateAsync(StartPayment, new { input = new { orderId = Guid.NewGuid(), method = "CARD", gateway = "VNPAY" } });
        Assert.Equal(["ORDER_NOT_FOUND"], unknown.UserErrorCodes());
        var order = (await buyer.PlaceOrderAsync(addressId, "CARD")).Succeeded().Orders()[0];
        Assert.Equal("PENDING_PAYMENT", order.GetProperty("status").GetString());
        return (shop, buyer, order.GetProperty("id").GetString()!, shop.ProductIds[0]);
    }

    /// <summary>startPayment(VNPAY) through the gateway, then the buyer's browser opens the sandbox's payment URL with the outcome.</summary>
    internal static async Task PayAsync(Shopper buyer, string orderId, string outcome)
    {
        var started = (await buyer.Client.MutateAsync(StartPayment,
            new { input = new { orderId, method = "CARD", gateway = "VNPAY", idempotencyKey = "e2e-" + orderId } })).Succeeded();
        await OpenPaymentPageAsync(started.GetProperty("redirectUrl").GetString()!, outcome);
    }

    private static async Task OpenPaymentPageAsync(string redirectUrl, string outcome)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var page = await browser.GetAsync(redirectUrl + "&outcome=" + outcome);
        Assert.True((int)page.StatusCode < 400, $"The sandbox answered {(int)page.StatusCode}: {await page.Content.ReadAsStringAsync()}");
    }

    /// <summary>The status of the order's payment or escrow, or null while it has none.</summary>
    private static string? StatusOf(JsonElement order, string part) =>
        order.GetProperty(part) is { ValueKind: JsonValueKind.Object } value ? value.GetProperty("status").GetString() : null;

    private static Task<JsonElement> OrderAsync(Shopper buyer, string orderId, Func<JsonElement, bool> done) =>
        Eventually.ReturnsAsync(async () => (await buyer.Client.SendAsync(OrderWithMoney, new { id = orderId })).EnsureNoErrors().Get("order"), done,
            TimeSpan.FromSeconds(30));
}
