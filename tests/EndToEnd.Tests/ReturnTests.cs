using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// A return by line through the gateway: the buyer of a paid, delivered order sends back one of two units of a line;
/// the seller approves; a shipper near the buyer fetches the parcel and delivers it to the shop; then catalog has the
/// unit back on sale, payments refunded exactly that unit's share, the return is REFUNDED and the order COMPLETED.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReturnTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string UpdateStatus =
        "mutation($input: UpdateShipmentStatusInput!) { updateShipmentStatus(input: $input) { shipment { id status } " + Errors + " } }";

    private const string OrderWithReturn =
        "query($id: ID!) { order(id: $id) { status lines { id quantity } payment { status refundedAmount { amount } } " +
        "returns { id status refund { amount } shipment { id } lines { quantity refund { amount } } } } }";

    // The buyer of Shopping.BuyerWithAddressAsync (45 Nguyễn Huệ, Hồ Chí Minh City): where the return is picked up.
    private static readonly (double Lat, double Lng) Buyer = (10.7743, 106.7038);

    [Fact]
    public async Task One_of_two_units_goes_back_to_the_shop_and_comes_back_on_sale_and_in_the_buyer_s_pocket()
    {
        var shipper = await ShippingTests.ShipperAsync(platform, Buyer.Lat + 0.0002, Buyer.Lng);
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var productId = shop.ProductIds[0];
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(productId, 2)).Succeeded();
        var orderId = (await buyer.PlaceOrderAsync(addressId, "CARD")).Succeeded().Orders()[0].GetProperty("id").GetString()!;
        await PaymentTests.PayAsync(buyer, orderId, "success");
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "PENDING", "the payment to reach ordering");
        foreach (var move in new[] { "confirmOrder", "shipOrder", "markOrderDelivered" })
            (await shop.Seller.OrderMutationAsync(move, new { orderId })).Succeeded();
        await Eventually.HoldsAsync(async () => await Shopping.InventoryAsync(platform, productId) == (3, 0, 3), "catalog to sell the delivered units");
        var lineId = (await OrderAsync(buyer, orderId)).GetProperty("lines")[0].GetProperty("id").GetString()!;

        // The buyer sends one of the two units back, without photos.
        var requested = (await buyer.Client.MutateAsync(
            "mutation($input: RequestReturnInput!) { requestReturn(input: $input) { return { id status refund { amount } } order { status } " + Errors + " } }",
            new { input = new { orderId, reason = "Áo bị lỗi đường may", lines = new[] { new { orderLineId = lineId, quantity = 1 } } } })).Succeeded();
        var returnId = requested.Get("return.id").GetString()!;
        // 150,000 đ a unit, no coupon, 10 % VAT: the unit refunds 165,000 đ; the shipping fee stays paid.
        Assert.Equal(("REQUESTED", 165_000m, "RETURN_REQUESTED"),
            (requested.Get("return.status").GetString(), requested.Get("return.refund.amount").GetDecimal(), requested.Get("order.status").GetString()));

        // The seller approves; shipping offers the return's parcel to the shipper near the buyer.
        var approved = (await shop.Seller.Client.MutateAsync(
            "mutation($input: ApproveReturnInput!) { approveReturn(input: $input) { return { status } order { status } " + Errors + " } }",
            new { input = new { returnId } })).Succeeded();
        Assert.Equal(("APPROVED", "RETURNED"), (approved.Get("return.status").GetString(), approved.Get("order.status").GetString()));
        var offer = await Eventually.ReturnsAsync(() => ShippingTests.OfferAsync(shipper, orderId), o => o is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(offer);
        var shipmentId = offer.Value.Get("shipment.id").GetString()!;
        Assert.Equal(0m, offer.Value.Get("shipment.codAmount.amount").GetDecimal());
        (await shipper.Client.MutateAsync("mutation($input: AcceptShipmentInput!) { acceptShipment(input: $input) { shipment { id status } " + Errors + " } }",
            new { input = new { shipmentId } })).Succeeded();

        // Picked up at the buyer's: the return travels, the order does not ship again.
        (await shipper.Client.MutateAsync(UpdateStatus, new { input = new { shipmentId, status = "PICKED_UP" } })).Succeeded();
        var travelling = await Eventually.ReturnsAsync(() => OrderAsync(buyer, orderId), o => o.Get("returns.0.status").GetString() == "IN_TRANSIT",
            TimeSpan.FromSeconds(30));
        Assert.Equal(("RETURNED", shipmentId), (travelling.GetProperty("status").GetString(), travelling.Get("returns.0.shipment.id").GetString()));
        (await shipper.Client.MutateAsync(UpdateStatus, new { input = new { shipmentId, status = "IN_TRANSIT" } })).Succeeded();
        (await shipper.Client.MutateAsync(UpdateStatus, new { input = new { shipmentId, status = "DELIVERED", recipientName = "Chủ cửa hàng" } })).Succeeded();

        // At the shop: the unit is back on sale, the buyer has its share back, the return is done and the rest of the sale final.
        await Eventually.HoldsAsync(async () => await Shopping.InventoryAsync(platform, productId) == (4, 0, 4), "catalog to restock the returned unit");
        var settled = await Eventually.ReturnsAsync(() => OrderAsync(buyer, orderId),
            o => o.Get("returns.0.status").GetString() == "REFUNDED" && o.GetProperty("status").GetString() == "COMPLETED", TimeSpan.FromSeconds(30));
        Assert.Equal(165_000m, settled.Get("payment.refundedAmount.amount").GetDecimal());
        Assert.Equal((1, 165_000m), (settled.Get("returns.0.lines.0.quantity").GetInt32(), settled.Get("returns.0.lines.0.refund.amount").GetDecimal()));
        Assert.Equal(2, settled.Get("lines.0.quantity").GetInt32());

        (await shipper.Client.MutateAsync("mutation { setShipperStatus(input: { status: OFFLINE }) { " + Errors + " } }")).Succeeded();
    }

    private static async Task<JsonElement> OrderAsync(Shopper buyer, string orderId) =>
        (await buyer.Client.SendAsync(OrderWithReturn, new { id = orderId })).EnsureNoErrors().Get("order").Clone();
}
