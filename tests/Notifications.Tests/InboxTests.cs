using System.Text.Json;
using GoShop.Contracts.Ordering;
using GoShop.Notifications.Inbox;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests;

/// <summary>The in-app inbox: paging newest first, the unread count, reading, deleting, the 90 days, and the live feed.</summary>
public sealed class InboxTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task The_inbox_pages_newest_first_and_counts_the_unread()
    {
        var (buyer, orders) = await BuyerWithOrdersAsync(3);

        var first = await buyer.InboxAsync(first: 2);
        var second = await buyer.InboxAsync(first: 2, after: first.Get("pageInfo.endCursor").GetString());

        Assert.Equal((4, 4), (first.Get("totalCount").GetInt32(), first.Get("unreadCount").GetInt32()));
        Assert.True(first.Get("pageInfo.hasNextPage").GetBoolean());
        var titles = first.Get("edges").EnumerateArray().Concat(second.Get("edges").EnumerateArray()).Select(e => e.Get("node.title").GetString()).ToList();
        Assert.Equal([.. orders.AsEnumerable().Reverse().Select(o => $"Đã đặt đơn hàng {o.Number}"), "Chào mừng đến với GoShop"], titles);
        Assert.False(second.Get("pageInfo.hasNextPage").GetBoolean());
        var node = first.Get("edges.0.node");
        Assert.Equal(("ORDER_PLACED", "ORDERS", JsonValueKind.Null), (node.Get("kind").GetString(), node.Get("category").GetString(), node.Get("readAt").ValueKind));
        Assert.Equal("EMAIL", node.Get("deliveries.0.channel").GetString());
    }

    [Fact]
    public async Task Reading_one_then_all_empties_the_unread_list()
    {
        var (buyer, _) = await BuyerWithOrdersAsync(2);
        var newest = (await buyer.InboxAsync()).Get("edges.0.node.id").GetString();

        var read = await buyer.MutateAsync(Operations.MarkRead, new { notificationId = newest });
        var readAt = read.Succeeded().Get("notification.readAt").GetString();
        var again = await buyer.MutateAsync(Operations.MarkRead, new { notificationId = newest });
        var unread = await buyer.InboxAsync(unreadOnly: true);
        var all = await buyer.MutateAsync(Operations.MarkAllRead, new { });
        var after = await buyer.InboxAsync(unreadOnly: true);

        Assert.Equal(readAt, again.Succeeded().Get("notification.readAt").GetString());
        Assert.Equal((2, 2), (unread.Get("totalCount").GetInt32(), unread.Get("unreadCount").GetInt32()));
        Assert.Equal(2, all.Succeeded().Get("markedCount").GetInt32());
        Assert.Equal((0, 0), (after.Get("totalCount").GetInt32(), after.Get("unreadCount").GetInt32()));
        Assert.Equal(3, (await buyer.InboxAsync()).Get("totalCount").GetInt32());
    }

    [Fact]
    public async Task Another_user_s_notification_is_not_found_and_stays_as_it_was()
    {
        var (buyer, _) = await BuyerWithOrdersAsync(1);
        var stranger = app.SignIn();
        var id = (await buyer.InboxAsync()).Get("edges.0.node.id").GetString();

        var read = await stranger.MutateAsync(Operations.MarkRead, new { notificationId = id });
        var deleted = await stranger.MutateAsync(Operations.Delete, new { notificationId = id });
        var mine = await buyer.MutateAsync(Operations.Delete, new { notificationId = id });
        var twice = await buyer.MutateAsync(Operations.Delete, new { notificationId = id });

        Assert.Equal(["NOT_FOUND"], read.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, read.Get("notification").ValueKind);
        Assert.Equal(["NOT_FOUND"], deleted.UserErrorCodes());
        Assert.Equal("input.notificationId", string.Join('.', deleted.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(id, mine.Succeeded().Get("deletedNotificationId").GetString());
        Assert.Equal(["NOT_FOUND"], twice.UserErrorCodes());
        Assert.Equal(1, (await buyer.InboxAsync()).Get("totalCount").GetInt32());
    }

    [Fact]
    public async Task Notifications_older_than_90_days_are_swept_with_their_delivery_log()
    {
        var (buyer, _) = await BuyerWithOrdersAsync(1);
        var old = (await app.NotificationsOfAsync(buyer.Id))[0];
        await app.InDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE notifications SET created_at = {app.Clock.GetUtcNow().AddDays(-91)} WHERE id = {old.Id}"));

        var swept = await app.Service<RetentionSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.True(swept >= 1);
        Assert.Equal(["WELCOME"], (await app.NotificationsOfAsync(buyer.Id)).Select(n => n.Kind));
        Assert.False(await app.InDatabaseAsync(db => db.Deliveries.AnyAsync(d => d.NotificationId == old.Id)));
    }

    [Fact]
    public async Task The_live_feed_pushes_each_new_notification_to_its_person_only()
    {
        var buyer = await app.RegisteredAsync();
        var seller = await app.RegisteredAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await ServerSentEvents.SubscribeAsync(app.Factory.CreateClient(), Operations.Received, app.Tokens.Issue(buyer.Id, ["BUYER"]));
        await using var events = ServerSentEvents.ReadAsync(response, patience.Token).GetAsyncEnumerator(patience.Token);
        var order = Scenarios.Order(buyer, seller);

        // The seller's own notification of another order goes to the seller's topic, not the buyer's.
        await app.DeliverAsync(new OrderPlaced(Scenarios.Order(seller, buyer) with { SellerId = seller.Id, BuyerId = seller.Id }, DateTimeOffset.UtcNow));
        await app.PublishAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        Assert.True(await events.MoveNextAsync());

        var pushed = JsonDocument.Parse(events.Current.Data).RootElement.Get("data.notificationReceived");
        Assert.Equal(("ORDER_CONFIRMED", $"Đơn hàng {order.Number} đã được xác nhận"), (pushed.Get("kind").GetString(), pushed.Get("title").GetString()));
        var stored = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        Assert.Equal(stored.Id.ToString(), pushed.Get("id").GetString());
    }

    private async Task<(Person Buyer, List<OrderSnapshot> Orders)> BuyerWithOrdersAsync(int count)
    {
        var buyer = await app.RegisteredAsync();
        var seller = app.SignIn();
        var orders = new List<OrderSnapshot>();
        for (var i = 0; i < count; i++)
        {
            var order = Scenarios.Order(buyer, seller);
            orders.Add(order);
            await app.DeliverAsync(new OrderPlaced(order, DateTimeOffset.UtcNow));
        }
        return (buyer, orders);
    }
}
