using System.Text.Json;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>reorder: an order's products back in its buyer's cart, at today's prices (the cart prices them).</summary>
public sealed class ReorderTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task The_buyer_gets_the_order_s_products_back_in_their_cart_and_those_that_cannot_go_are_named()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var kept = app.PutInCart(buyer, seller, quantity: 2, title: "Bánh quy");
        var discontinued = app.PutInCart(buyer, seller, quantity: 1, title: "Kẹo dẻo");
        var orderId = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0].Id();
        app.Carts.Reject(discontinued.ProductId, "PRODUCT_UNAVAILABLE");
        var cartBefore = app.Carts.Lines(buyer.Id).Count;

        var payload = await buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId } });

        Assert.Equal(1, payload.GetProperty("addedCount").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, payload.GetProperty("cart").ValueKind);
        var rejected = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("PRODUCT_UNAVAILABLE", rejected.Text("code"));
        Assert.Contains("'Kẹo dẻo'", rejected.Text("message"));
        var lines = app.Carts.Lines(buyer.Id);
        Assert.Equal(cartBefore, lines.Count);
        Assert.Equal(4, lines.Single(l => l.ProductId == kept.ProductId).Quantity);
    }

    [Fact]
    public async Task A_reorder_whose_answer_was_lost_and_retried_puts_the_lines_in_the_cart_once()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller, quantity: 2, title: "Trà xanh");
        var orderId = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0].Id();
        app.Carts.LoseNextAnswer();

        var payload = await buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId } });

        Assert.Equal(1, payload.Succeeded().GetProperty("addedCount").GetInt32());
        Assert.Equal(4, app.Carts.Lines(buyer.Id).Single(l => l.ProductId == product.ProductId).Quantity);
    }

    [Fact]
    public async Task A_client_retrying_a_reorder_with_its_idempotency_key_gets_the_first_answer_and_the_lines_once()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        var product = app.PutInCart(buyer, seller, quantity: 2, title: "Cà phê");
        var orderId = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0].Id();

        var first = await buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId, idempotencyKey = "mua-lai-1" } });
        var retried = await buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId, idempotencyKey = "mua-lai-1" } });
        var anotherAttempt = await buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId, idempotencyKey = "mua-lai-2" } });

        Assert.Equal((1, 1, 1), (first.Succeeded().GetProperty("addedCount").GetInt32(), retried.Succeeded().GetProperty("addedCount").GetInt32(),
            anotherAttempt.Succeeded().GetProperty("addedCount").GetInt32()));
        // The 2 still in the (stand-in) cart, plus 2 for the key's two calls, plus 2 for the other key.
        Assert.Equal(6, app.Carts.Lines(buyer.Id).Single(l => l.ProductId == product.ProductId).Quantity);
    }

    [Fact]
    public async Task A_reorder_key_longer_than_100_characters_is_refused_and_nothing_goes_in_the_cart()
    {
        var placed = await app.PlaceOrderAsync();
        var calls = app.Carts.Calls;

        var payload = await placed.Buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId = placed.OrderId, idempotencyKey = new string('k', 101) } });

        Assert.Equal(["TOO_LONG"], payload.Codes());
        Assert.Equal(calls, app.Carts.Calls);
    }

    [Fact]
    public async Task Only_the_buyer_may_reorder_and_nothing_goes_in_anyone_s_cart_otherwise()
    {
        var placed = await app.PlaceOrderAsync();
        var calls = app.Carts.Calls;

        var seller = await placed.Seller.Seller.Client.MutateAsync(Operations.Reorder, new { input = new { orderId = placed.OrderId } });
        var stranger = await app.SignIn().Client.MutateAsync(Operations.Reorder, new { input = new { orderId = placed.OrderId } });
        var unknown = await placed.Buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId = Guid.CreateVersion7() } });

        Assert.Equal(["FORBIDDEN_ACTOR"], seller.Codes());
        Assert.Equal(["NOT_ORDER_PARTICIPANT"], stranger.Codes());
        Assert.Equal(["ORDER_NOT_FOUND"], unknown.Codes());
        Assert.Equal(calls, app.Carts.Calls);
    }

    [Fact]
    public async Task An_unreachable_cart_is_a_user_error()
    {
        var placed = await app.PlaceOrderAsync();
        app.Carts.Down = true;
        try
        {
            var payload = await placed.Buyer.Client.MutateAsync(Operations.Reorder, new { input = new { orderId = placed.OrderId } });

            Assert.Equal(["CART_UNAVAILABLE"], payload.Codes());
            Assert.Equal(0, payload.GetProperty("addedCount").GetInt32());
        }
        finally
        {
            app.Carts.Down = false;
        }
    }
}
