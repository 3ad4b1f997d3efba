using System.Text.Json;
using GoShop.Testing;
using StackExchange.Redis;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// An order's life after checkout through the gateway: the seller confirms and the buyer watches it live (SSE and
/// WebSocket), and every move the state machine forbids is refused with its code, changing nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OrderLifecycleTests(Platform platform)
{
    private const string StatusChanged = "subscription($orderId: ID!) { orderStatusChanged(orderId: $orderId) { to order { id status } } }";

    private const string MyOrderUpdates = "subscription { myOrderUpdates { to order { id status } } }";

    [Fact]
    public async Task The_buyer_sees_the_sellers_confirmation_live_over_SSE()
    {
        var (shop, buyer, orderId) = await PlacedOrderAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await ServerSentEvents.SubscribeAsync(platform.Http, StatusChanged, buyer.Token, new { orderId }, cancellationToken: timeout.Token);
        await LiveAsync($"ordering.order.{Guid.Parse(orderId):N}");

        (await shop.Seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();

        await foreach (var message in ServerSentEvents.ReadAsync(stream, timeout.Token))
        {
            Assert.Equal("next", message.Event);
            var update = JsonDocument.Parse(message.Data).RootElement.Get("data.orderStatusChanged");
            Assert.Equal("CONFIRMED", update.GetProperty("to").GetString());
            Assert.Equal(("CONFIRMED", orderId), (update.Get("order.status").GetString(), update.Get("order.id").GetString()));
            return;
        }
        Assert.Fail("The stream ended without the confirmation.");
    }

    [Fact]
    public async Task The_buyer_sees_the_sellers_confirmation_live_over_WebSocket()
    {
        var (shop, buyer, orderId) = await PlacedOrderAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var socket = await GraphQLWebSocket.ConnectAsync(new Uri($"ws://{platform.GatewayUrl.Authority}/graphql"), buyer.Token, timeout.Token);
        await socket.SubscribeAsync("orders", MyOrderUpdates, variables: null, timeout.Token);
        await LiveAsync($"ordering.user.{await UserIdAsync(buyer):N}");

        (await shop.Seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();

        var message = await socket.ReceiveAsync(timeout.Token);
        Assert.Equal(("next", "orders"), (message.GetProperty("type").GetString(), message.GetProperty("id").GetString()));
        var update = message.Get("payload.data.myOrderUpdates");
        Assert.Equal(("CONFIRMED", orderId), (update.GetProperty("to").GetString(), update.Get("order.id").GetString()));
    }

    [Fact]
    public async Task A_stranger_cannot_watch_someone_elses_order()
    {
        var (_, _, orderId) = await PlacedOrderAsync();
        var stranger = await Shopping.SignUpAsync(platform);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await ServerSentEvents.SubscribeAsync(platform.Http, StatusChanged, stranger.Token, new { orderId }, cancellationToken: timeout.Token);

        await foreach (var message in ServerSentEvents.ReadAsync(stream, timeout.Token))
        {
            Assert.Contains("FORBIDDEN", message.Data, StringComparison.Ordinal);
            return;
        }
        Assert.Fail("The stream ended without telling why.");
    }

    [Fact]
    public async Task Every_move_the_order_may_not_make_is_refused_with_its_code()
    {
        var (shop, buyer, orderId) = await PlacedOrderAsync();
        var seller = shop.Seller;
        var stranger = await Shopping.SignUpAsync(platform);

        // PENDING: the buyer may not confirm, nobody may ship, deliver, complete or return it yet.
        await RefusedAsync(buyer, "confirmOrder", new { orderId }, "PENDING");
        await RefusedAsync(stranger, "cancelOrder", new { orderId, reason = "Không phải của tôi" }, "PENDING");
        await RefusedAsync(seller, "shipOrder", new { orderId }, "PENDING");
        await RefusedAsync(buyer, "completeOrder", new { orderId }, "PENDING");
        await RefusedAsync(buyer, "requestReturn", new { orderId, reason = "Hàng lỗi" }, "PENDING");
        await RefusedAsync(seller, "approveReturn", new { orderId }, "PENDING");

        (await seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();
        await RefusedAsync(seller, "confirmOrder", new { orderId }, "CONFIRMED");

        (await seller.OrderMutationAsync("shipOrder", new { orderId })).Succeeded();
        // Once shipped, nobody cancels it.
        await RefusedAsync(buyer, "cancelOrder", new { orderId, reason = "Đổi ý" }, "SHIPPED");
        await RefusedAsync(seller, "cancelOrder", new { orderId, reason = "Hết hàng" }, "SHIPPED");

        (await seller.OrderMutationAsync("markOrderDelivered", new { orderId })).Succeeded();
        await RefusedAsync(seller, "requestReturn", new { orderId, reason = "Hàng lỗi" }, "DELIVERED");
        (await buyer.OrderMutationAsync("requestReturn", new { orderId, reason = "Áo bị rách" })).Succeeded();
        await RefusedAsync(buyer, "approveReturn", new { orderId }, "RETURN_REQUESTED");
        (await seller.OrderMutationAsync("approveReturn", new { orderId })).Succeeded();

        var history = (await buyer.Client.SendAsync("query($id: ID!) { order(id: $id) { status statusHistory { to actorRole } } }", new { id = orderId }))
            .EnsureNoErrors().Get("order");
        Assert.Equal("RETURNED", history.GetProperty("status").GetString());
        Assert.Equal(
            ["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED"],
            history.GetProperty("statusHistory").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    /// <summary>A COD order of a new buyer from a new shop, PENDING (waiting for the seller).</summary>
    private async Task<(StockedShop Shop, Shopper Buyer, string OrderId)> PlacedOrderAsync()
    {
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 1)).Succeeded();
        var order = (await buyer.PlaceOrderAsync(addressId)).Succeeded().Orders()[0];
        Assert.Equal("PENDING", order.GetProperty("status").GetString());
        return (shop, buyer, order.GetProperty("id").GetString()!);
    }

    /// <summary>Asserts the move is a userError (never a GraphQL error) and the order stayed where it was.</summary>
    private static async Task RefusedAsync(Shopper actor, string mutation, object input, string stays)
    {
        var payload = await actor.OrderMutationAsync(mutation, input);
        var code = Assert.Single(payload.UserErrorCodes());
        // RETURN_NOT_FOUND: deciding on a return of an order that has none (returns are their own records now).
        Assert.Contains(code, new[] { "INVALID_TRANSITION", "FORBIDDEN_ACTOR", "NOT_ORDER_PARTICIPANT", "ORDER_NOT_FOUND", "RETURN_NOT_FOUND" });
        Assert.True(payload.GetProperty("order").ValueKind is JsonValueKind.Null || payload.Get("order.status").GetString() == stays,
            $"{mutation} was refused but the payload shows the order as {payload.GetProperty("order")}");
    }

    private static async Task<Guid> UserIdAsync(Shopper person) =>
        Guid.Parse((await person.Client.SendAsync("{ me { id } }")).EnsureNoErrors().Get("me.id").GetString()!);

    /// <summary>
    /// Waits until the ordering subgraph listens on a topic: the gateway answers a client before its own subscription
    /// to the subgraph is live, and a change made before that would not be heard.
    /// </summary>
    private static async Task LiveAsync(string topic)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var channel = "goshop:topic:" + topic;
        await Eventually.HoldsAsync(async () =>
            (long)(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel))[1] > 0,
            $"a subscriber on {channel}");
    }
}
