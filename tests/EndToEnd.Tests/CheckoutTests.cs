using System.Diagnostics;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// The checkout saga through the gateway: a cart (cart) becomes one order per shop (ordering) with stock held in
/// catalog, coupons counted in shops and the delivery address from identity; events move what follows.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CheckoutTests(Platform platform)
{
    [Fact]
    public async Task A_cart_with_two_shops_products_becomes_two_orders_of_one_checkout()
    {
        var hanoi = await Shopping.OpenShopAsync(platform, 10);
        var other = await Shopping.OpenShopAsync(platform, 10, 10);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(hanoi.ProductIds[0], 2)).Succeeded();
        (await buyer.AddToCartAsync(other.ProductIds[0], 1)).Succeeded();
        (await buyer.AddToCartAsync(other.ProductIds[1], 3)).Succeeded();

        var preview = (await buyer.Client.SendAsync(
            "query($input: OrderPreviewInput!) { orderPreview(input: $input) { fees { total { amount } } } }",
            new { input = new { addressId, paymentMethod = "COD" } })).EnsureNoErrors();
        var placed = (await buyer.PlaceOrderAsync(addressId, paymentMethod: "COD")).Succeeded();

        var orders = placed.Orders();
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal("PENDING", o.GetProperty("status").GetString()));
        Assert.Equal(
            new[] { hanoi.ShopId, other.ShopId }.Order(),
            orders.Select(o => o.GetProperty("shop").GetProperty("id").GetString()).Order());
        var first = orders.Single(o => o.GetProperty("shop").GetProperty("id").GetString() == hanoi.ShopId);
        Assert.Equal(300_000m, first.Get("fees.subtotal.amount").GetDecimal());
        Assert.Equal(preview.Get("orderPreview.fees.total.amount").GetDecimal(), orders.Sum(o => o.Get("fees.total.amount").GetDecimal()));
        Assert.All(orders, o => Assert.Equal(
            o.Get("fees.subtotal.amount").GetDecimal() - o.Get("fees.discount.amount").GetDecimal()
                + o.Get("fees.shippingFee.amount").GetDecimal() + o.Get("fees.tax.amount").GetDecimal(),
            o.Get("fees.total.amount").GetDecimal()));

        Assert.Equal((10, 2, 8), await Shopping.InventoryAsync(platform, hanoi.ProductIds[0]));
        Assert.Equal((10, 3, 7), await Shopping.InventoryAsync(platform, other.ProductIds[1]));
        // The cart lets go of what was ordered once the checkout committed (cart hears OrderPlaced).
        await Eventually.HoldsAsync(async () => await buyer.CartItemCountAsync() == 0, "the ordered items to leave the cart");
        var seen = (await buyer.Client.SendAsync("{ myOrders(first: 10) { totalCount edges { node { id checkout { id } } } } }")).EnsureNoErrors();
        Assert.Equal(2, seen.Get("myOrders.totalCount").GetInt32());
    }

    [Fact]
    public async Task The_shipping_fee_placeOrder_charges_is_what_shippingQuote_answers_and_a_quote_grows_with_distance_and_weight()
    {
        var shop = await Shopping.OpenShopAsync(platform, 10);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 2)).Succeeded();

        var order = (await buyer.PlaceOrderAsync(addressId, paymentMethod: "COD")).Succeeded().Orders().Single();

        // The shop is in Hà Nội and the address in TP. Hồ Chí Minh (Shopping); two 300 g shirts, cash on delivery.
        var goods = order.Get("fees.subtotal.amount").GetDecimal() - order.Get("fees.discount.amount").GetDecimal();
        var quoted = await QuoteAsync(buyer, (21.0245, 105.8570), (10.7743, 106.7038), 600, goods);
        Assert.Equal(quoted, order.Get("fees.shippingFee.amount").GetDecimal());

        var near = await QuoteAsync(buyer, (21.0245, 105.8570), (21.0380, 105.8340), 600);
        var farther = await QuoteAsync(buyer, (21.0245, 105.8570), (21.1200, 105.7800), 600);
        var heavier = await QuoteAsync(buyer, (21.0245, 105.8570), (21.0380, 105.8340), 6_000);
        Assert.True(near < farther, $"{near} < {farther}");
        Assert.True(near < heavier, $"{near} < {heavier}");
    }

    private static async Task<decimal> QuoteAsync(Shopper asker, (double Lat, double Lng) from, (double Lat, double Lng) to, int weightGrams, decimal? codAmount = null)
    {
        var quote = (await asker.Client.SendAsync(
            "query($input: ShippingQuoteInput!) { shippingQuote(input: $input) { fee { amount currency } distanceKm etaMinutes breakdown { label amount { amount } } } }",
            new { input = new { from = new { lat = from.Lat, lng = from.Lng }, to = new { lat = to.Lat, lng = to.Lng }, weightGrams, method = "STANDARD", codAmount } }))
            .EnsureNoErrors().Get("shippingQuote");
        Assert.Equal("VND", quote.Get("fee.currency").GetString());
        Assert.Equal(quote.Get("fee.amount").GetDecimal(), quote.GetProperty("breakdown").EnumerateArray().Sum(l => l.Get("amount.amount").GetDecimal()));
        return quote.Get("fee.amount").GetDecimal();
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_one_checkout_and_holds_stock_once()
    {
        var shop = await Shopping.OpenShopAsync(platform, 10);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 2)).Succeeded();
        var key = Guid.NewGuid().ToString();

        var first = (await buyer.PlaceOrderAsync(addressId, idempotencyKey: key)).Succeeded();
        var again = (await buyer.PlaceOrderAsync(addressId, idempotencyKey: key)).Succeeded();

        Assert.Equal(first.Get("checkout.id").GetString(), again.Get("checkout.id").GetString());
        Assert.Equal(first.Orders().Select(o => o.GetProperty("id").GetString()), again.Orders().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal((10, 2, 8), await Shopping.InventoryAsync(platform, shop.ProductIds[0]));
    }

    [Fact]
    public async Task Twenty_buyers_racing_for_five_units_make_exactly_five_orders_and_hold_nothing_else()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
            (await buyer.AddToCartAsync(shop.ProductIds[0], 1)).Succeeded();
            return (buyer, addressId);
        }));

        var payloads = await Task.WhenAll(buyers.Select(b => b.buyer.PlaceOrderAsync(b.addressId)));

        var placed = payloads.Where(p => p.UserErrorCodes().Count == 0).ToList();
        var refused = payloads.Where(p => p.UserErrorCodes().Count > 0).ToList();
        Assert.Equal(5, placed.Count);
        Assert.Equal(15, refused.Count);
        Assert.All(refused, p =>
        {
            Assert.Equal(["OUT_OF_STOCK"], p.UserErrorCodes());
            Assert.Contains("Áo thun", p.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal((5, 5, 0), await Shopping.InventoryAsync(platform, shop.ProductIds[0]));
        var sellerOrders = (await shop.Seller.Client.SendAsync(
            "query($id: ID!) { shop(id: $id) { orders(first: 50) { totalCount } } }", new { id = shop.ShopId })).EnsureNoErrors();
        Assert.Equal(5, sellerOrders.Get("shop.orders.totalCount").GetInt32());
    }

    [Fact]
    public async Task Cancelling_an_order_puts_its_stock_back_on_sale()
    {
        var shop = await Shopping.OpenShopAsync(platform, 4);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 3)).Succeeded();
        var orderId = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders()[0].GetProperty("id").GetString()!;
        Assert.Equal((4, 3, 1), await Shopping.InventoryAsync(platform, shop.ProductIds[0]));

        var cancelled = (await buyer.OrderMutationAsync("cancelOrder", new { orderId, reason = "Đặt nhầm size" })).Succeeded();

        Assert.Equal("CANCELLED", cancelled.Get("order.status").GetString());
        await Eventually.HoldsAsync(async () => await Shopping.InventoryAsync(platform, shop.ProductIds[0]) == (4, 0, 4),
            "catalog to release the cancelled order's stock");
    }

    [Fact]
    public async Task An_unpaid_online_order_expires_and_its_stock_goes_back_on_sale()
    {
        var shop = await Shopping.OpenShopAsync(platform, 2);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 2)).Succeeded();

        var order = (await buyer.PlaceOrderAsync(addressId, paymentMethod: "E_WALLET")).Succeeded().Orders()[0];
        Assert.Equal("PENDING_PAYMENT", order.GetProperty("status").GetString());
        Assert.Equal((2, 2, 0), await Shopping.InventoryAsync(platform, shop.ProductIds[0]));

        // The platform runs with a payment window of a few seconds (Platform.cs).
        var orderId = order.GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "CANCELLED", "the unpaid order to expire", TimeSpan.FromSeconds(40));
        await Eventually.HoldsAsync(async () => await Shopping.InventoryAsync(platform, shop.ProductIds[0]) == (2, 0, 2),
            "catalog to release the expired order's stock");
        var history = (await buyer.Client.SendAsync("query($id: ID!) { order(id: $id) { statusHistory { from to actorRole reason } } }", new { id = orderId }))
            .EnsureNoErrors().Get("order.statusHistory");
        var last = history.EnumerateArray().Last();
        Assert.Equal(("PENDING_PAYMENT", "CANCELLED", "SYSTEM"),
            (last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("actorRole").GetString()));
    }

    [Fact]
    public async Task Events_published_while_RabbitMQ_is_down_are_delivered_once_it_is_back()
    {
        var shop = await Shopping.OpenShopAsync(platform, 6);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 2)).Succeeded();

        string orderId;
        await Broker.StopAsync();
        try
        {
            // Placing needs no broker: OrderPlaced waits in ordering's outbox.
            orderId = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders()[0].GetProperty("id").GetString()!;
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(2, await buyer.CartItemCountAsync());
        }
        finally
        {
            await Broker.StartAsync();
        }

        await Eventually.HoldsAsync(async () => await buyer.CartItemCountAsync() == 0, "cart to hear OrderPlaced after the restart", TimeSpan.FromSeconds(60));
        (await buyer.OrderMutationAsync("cancelOrder", new { orderId, reason = "Không cần nữa" })).Succeeded();
        await Eventually.HoldsAsync(async () => await Shopping.InventoryAsync(platform, shop.ProductIds[0]) == (6, 0, 6),
            "catalog to hear OrderCancelled after the restart", TimeSpan.FromSeconds(60));
    }

    /// <summary>The local RabbitMQ node, stopped and started as an operator would (the node stays, its queues survive).</summary>
    private static class Broker
    {
        public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

        public static async Task StartAsync()
        {
            await RabbitMqCtlAsync("start_app");
            await RabbitMqCtlAsync("await_startup");
        }

        private static async Task RabbitMqCtlAsync(string command)
        {
            using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", command])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {error}");
        }
    }
}
