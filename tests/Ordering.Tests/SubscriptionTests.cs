using System.Text.Json;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>Live order updates over Server-Sent Events: who may follow an order, and what they hear.</summary>
public sealed class SubscriptionTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_buyer_hears_each_move_of_their_order_with_the_order_as_it_is_now()
    {
        var placed = await app.PlaceOrderAsync();
        var seller = placed.Seller.Seller;
        using var stream = await SubscribeAsync(placed.Buyer.Buyer, Operations.OrderStatusChanged, new { orderId = placed.OrderId });
        await using var events = new EventReader(stream);

        (await seller.MoveAsync("confirmOrder", placed.OrderId)).Succeeded();
        var confirmed = Data(await events.NextAsync()).GetProperty("orderStatusChanged");
        (await seller.MoveAsync("shipOrder", placed.OrderId)).Succeeded();
        var shipped = Data(await events.NextAsync()).GetProperty("orderStatusChanged");

        Assert.Equal(("PENDING", "CONFIRMED", "SELLER", seller.Id), (confirmed.Text("from"), confirmed.Text("to"), confirmed.Text("actorRole"), confirmed.GetProperty("actor").Id()));
        Assert.Equal("CONFIRMED", confirmed.GetProperty("order").Text("status"));
        Assert.Equal(["PENDING", "CONFIRMED"], confirmed.GetProperty("order").GetProperty("statusHistory").EnumerateArray().Select(h => h.Text("to")));
        // Each update reads the order afresh: the second one is not answered from what the first one loaded.
        Assert.Equal(("SHIPPED", "SHIPPED"), (shipped.Text("to"), shipped.GetProperty("order").Text("status")));
        Assert.Equal(3, shipped.GetProperty("order").GetProperty("statusHistory").GetArrayLength());
    }

    [Fact]
    public async Task Every_follower_of_an_order_hears_each_move_with_the_order_as_it_is_after_that_move()
    {
        // The followers of one update share one read of the order (a thousand phones made a thousand reads); each
        // update still reads it afresh.
        var placed = await app.PlaceOrderAsync();
        var seller = placed.Seller.Seller;
        var streams = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
            streams.Add(await SubscribeAsync(i % 2 == 0 ? placed.Buyer.Buyer : seller, Operations.OrderStatusChanged, new { orderId = placed.OrderId }));
        var readers = streams.Select(stream => new EventReader(stream)).ToList();
        try
        {
            foreach (var (move, status, moves) in new[] { ("confirmOrder", "CONFIRMED", 2), ("shipOrder", "SHIPPED", 3) })
            {
                (await seller.MoveAsync(move, placed.OrderId)).Succeeded();
                foreach (var reader in readers)
                {
                    var update = Data(await reader.NextAsync()).GetProperty("orderStatusChanged");
                    Assert.Equal((status, status, moves), (update.Text("to"), update.GetProperty("order").Text("status"),
                        update.GetProperty("order").GetProperty("statusHistory").GetArrayLength()));
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
                await reader.DisposeAsync();
            foreach (var stream in streams)
                stream.Dispose();
        }
    }

    [Fact]
    public async Task The_seller_and_admins_may_follow_an_order_and_anyone_else_is_refused()
    {
        var placed = await app.PlaceOrderAsync();
        using var asSeller = await SubscribeAsync(placed.Seller.Seller, Operations.OrderStatusChanged, new { orderId = placed.OrderId });
        using var asAdmin = await SubscribeAsync(app.Admin(), Operations.OrderStatusChanged, new { orderId = placed.OrderId });

        var stranger = await RefusalAsync(app.SignIn(), new { orderId = placed.OrderId });
        var unknown = await RefusalAsync(placed.Buyer.Buyer, new { orderId = Guid.CreateVersion7() });
        var anonymous = await RefusalAsync(null, new { orderId = placed.OrderId });
        (await placed.Buyer.Buyer.MoveAsync("cancelOrder", placed.OrderId, ("reason", ""))).Succeeded();

        Assert.Equal("FORBIDDEN", stranger);
        Assert.Equal("NOT_FOUND", unknown);
        Assert.Equal("UNAUTHENTICATED", anonymous);
        foreach (var stream in new[] { asSeller, asAdmin })
        {
            var cancelled = Data(Assert.Single(await TakeAsync(stream, 1))).GetProperty("orderStatusChanged");
            Assert.Equal(("CANCELLED", "BUYER"), (cancelled.Text("to"), cancelled.Text("actorRole")));
        }
    }

    [Fact]
    public async Task My_order_updates_tell_the_buyer_and_the_seller_of_a_new_order_and_its_moves()
    {
        var seller = app.OpenShop();
        var buyer = app.NewBuyer();
        app.PutInCart(buyer, seller);
        using var buyerStream = await SubscribeAsync(buyer.Buyer, Operations.MyOrderUpdates);
        using var sellerStream = await SubscribeAsync(seller.Seller, Operations.MyOrderUpdates);
        using var strangerStream = await SubscribeAsync(app.SignIn(), Operations.MyOrderUpdates);

        var orderId = (await buyer.PlaceAsync()).Succeeded().GetProperty("checkout").GetProperty("orders")[0].Id();
        (await seller.Seller.MoveAsync("confirmOrder", orderId)).Succeeded();

        foreach (var stream in new[] { buyerStream, sellerStream })
        {
            var updates = (await TakeAsync(stream, 2)).Select(e => Data(e).GetProperty("myOrderUpdates")).ToList();
            Assert.Equal([JsonValueKind.Null, JsonValueKind.String], updates.Select(u => u.GetProperty("from").ValueKind));
            Assert.Equal(["PENDING", "CONFIRMED"], updates.Select(u => u.Text("to")));
            Assert.All(updates, u => Assert.Equal(orderId, u.GetProperty("order").Id()));
        }
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in ServerSentEvents.ReadAsync(strangerStream, quiet.Token))
                Assert.Fail("A stranger heard of someone else's order: " + e.Data);
        });
    }

    private async Task<HttpResponseMessage> SubscribeAsync(Person person, string query, object? variables = null) =>
        await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), query, person.Client.AccessToken, variables);

    /// <summary>The code of the error a refused subscription answers with, before it completes.</summary>
    private async Task<string?> RefusalAsync(Person? person, object variables)
    {
        using var response = await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), Operations.OrderStatusChanged, person?.Client.AccessToken, variables);
        using var timeout = new CancellationTokenSource(Patience);
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEvents.ReadAsync(response, timeout.Token))
            events.Add(e);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        return JsonDocument.Parse(events[0].Data).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    private static JsonElement Data(ServerSentEvent next)
    {
        var root = JsonDocument.Parse(next.Data).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), "Unexpected errors: " + next.Data);
        return root.GetProperty("data");
    }

    /// <summary>Reads one stream's events one at a time, across the steps of a test.</summary>
    private sealed class EventReader(HttpResponseMessage response) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _timeout = new(Patience * 3);
        private IAsyncEnumerator<ServerSentEvent>? _events;

        public async Task<ServerSentEvent> NextAsync()
        {
            _events ??= ServerSentEvents.ReadAsync(response, _timeout.Token).GetAsyncEnumerator(_timeout.Token);
            Assert.True(await _events.MoveNextAsync(), "The stream ended.");
            return _events.Current;
        }

        public async ValueTask DisposeAsync()
        {
            if (_events is not null)
                await _events.DisposeAsync();
            _timeout.Dispose();
        }
    }

    private static async Task<List<ServerSentEvent>> TakeAsync(HttpResponseMessage response, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEvents.ReadAsync(response, timeout.Token))
        {
            events.Add(e);
            if (events.Count == count)
                break;
        }
        return events;
    }
}
