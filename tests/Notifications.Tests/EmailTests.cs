using GoShop.Contracts.Ordering;
using GoShop.Contracts.Search;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests;

/// <summary>
/// Email through a real SMTP server on localhost: HTML and plain-text parts, an unsubscribe link on marketing mail,
/// preferences and quiet hours obeyed, failures retried with backoff then dead-lettered for an admin to retry.
/// </summary>
public sealed class EmailTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task A_confirmed_order_is_mailed_with_text_and_html_parts_and_logged_as_sent()
    {
        var (buyer, order) = await ConfirmedOrderAsync();

        await app.DispatchAsync();

        var mail = Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains(order.Number));
        Assert.Equal($"Đơn hàng {order.Number} đã được xác nhận", mail.Subject);
        Assert.Contains("Người bán đã xác nhận đơn hàng", mail.TextBody);
        Assert.Contains($"https://goshop.test/orders/{order.OrderId}", mail.TextBody);
        Assert.Contains($"<h1 style=\"font-size:20px;color:#ee4d2d;margin-top:0\">Đơn hàng {order.Number} đã được xác nhận</h1>", mail.HtmlBody);
        Assert.Contains($"href=\"https://goshop.test/orders/{order.OrderId}\"", mail.HtmlBody);
        Assert.Null(mail.Headers["List-Unsubscribe"]);
        var notification = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        var delivery = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notification.Id));
        Assert.Equal((DeliveryStatus.Sent, 1, NotificationChannel.Email), (delivery.Status, delivery.Attempts, delivery.Channel));
        Assert.NotNull(delivery.SentAt);
    }

    [Fact]
    public async Task Marketing_mail_carries_an_unsubscribe_link_that_turns_that_email_off()
    {
        var buyer = await app.RegisteredAsync();
        await app.DeliverAsync(new PriceAlertTriggered(Guid.NewGuid(), buyer.Id, Guid.NewGuid(), Guid.NewGuid(), "Tai nghe", 500_000m, 450_000m, "VND",
            PriceAlertReasons.PriceReached, DateTimeOffset.UtcNow));

        await app.DispatchAsync();

        var mail = Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").StartsWith("Tai nghe"));
        var link = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        Assert.StartsWith("https://goshop.test/unsubscribe?token=", link);
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", System.Net.WebUtility.HtmlDecode(mail.HtmlBody));
        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        var anonymous = app.Client();
        var forged = await anonymous.MutateAsync(Operations.Unsubscribe, new { input = new { token = token[..^3] + "AAA" } });
        Assert.Equal(["INVALID_TOKEN"], forged.UserErrorCodes());
        var unsubscribed = await anonymous.MutateAsync(Operations.Unsubscribe, new { input = new { token } });
        Assert.Equal("PRICE_ALERTS", unsubscribed.Succeeded().Get("category").GetString());

        await app.DeliverAsync(new PriceAlertTriggered(Guid.NewGuid(), buyer.Id, Guid.NewGuid(), Guid.NewGuid(), "Loa", 500_000m, 450_000m, "VND",
            PriceAlertReasons.BackInStock, DateTimeOffset.UtcNow));
        await app.DispatchAsync();
        Assert.DoesNotContain(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").StartsWith("Loa"));
        Assert.Equal("Loa đã có hàng trở lại", (await app.AwaitAsync(buyer.Id, "PRICE_ALERT")).Title);
    }

    [Fact]
    public async Task Switching_the_orders_email_off_stops_the_email_but_not_the_inbox()
    {
        var buyer = await app.RegisteredAsync();
        (await buyer.MutateAsync(Operations.UpdatePreferences, new { preferences = new[] { new { category = "ORDERS", channel = "EMAIL", enabled = false } } }))
            .Succeeded();
        var (_, order) = await ConfirmedOrderAsync(buyer);

        await app.DispatchAsync();

        Assert.DoesNotContain(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains(order.Number));
        var inbox = await buyer.InboxAsync();
        Assert.Equal("ORDER_CONFIRMED", inbox.Get("edges.0.node.kind").GetString());
        Assert.Equal(0, inbox.Get("edges.0.node.deliveries").GetArrayLength());
    }

    [Fact]
    public async Task Quiet_hours_hold_non_urgent_mail_until_morning_but_not_urgent_mail()
    {
        var buyer = await app.RegisteredAsync();
        var now = app.Clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        // A window that started an hour ago and ends in two hours, local time.
        var from = TimeOnly.FromDateTime(local.DateTime.AddHours(-1)).ToString("HH:mm");
        var until = TimeOnly.FromDateTime(local.DateTime.AddHours(2)).ToString("HH:mm");
        (await buyer.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), quietHours = new { from, until } })).Succeeded();
        var seller = app.SignIn();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        await app.DeliverAsync(new OrderPlaced(order, DateTimeOffset.UtcNow));
        await app.DeliverAsync(new GoShop.Contracts.Payments.PaymentFailed(Guid.NewGuid(), null, [order.OrderId], "card_declined", DateTimeOffset.UtcNow));

        await app.DispatchAsync();

        var mails = app.Mailbox.To(Scenarios.Email(buyer));
        Assert.Single(mails, m => (m.Subject ?? "").Contains("không thành công"));
        Assert.DoesNotContain(mails, m => (m.Subject ?? "").Contains("đã được xác nhận"));
        var held = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking()
            .Where(d => d.UserId == buyer.Id && d.Status == DeliveryStatus.Pending).Select(d => d.NextAttemptAt).ToListAsync());
        Assert.NotEmpty(held);
        Assert.All(held, at => Assert.InRange(at - now, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121)));
    }

    [Fact]
    public async Task A_failing_smtp_server_is_retried_with_backoff_then_dead_lettered_and_an_admin_retries_it()
    {
        var (buyer, order) = await ConfirmedOrderAsync();
        var notification = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        var admin = app.Admin();
        Task<ChannelDelivery> DeliveryAsync() => app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notification.Id));

        app.Mailbox.Refusing = true;
        try
        {
            await app.DispatchAsync();
            var first = await DeliveryAsync();
            Assert.Equal((DeliveryStatus.Pending, 1), (first.Status, first.Attempts));
            Assert.Contains("mailbox unavailable", first.LastError);
            Assert.Equal(first.LastAttemptAt + NotificationsApp.Backoff, first.NextAttemptAt);
            await app.DispatchAsync();
            Assert.Equal(1, (await DeliveryAsync()).Attempts);

            app.Clock.Advance(NotificationsApp.Backoff);
            await app.DispatchAsync();
            var second = await DeliveryAsync();
            Assert.Equal((DeliveryStatus.Pending, 2), (second.Status, second.Attempts));
            Assert.Equal(second.LastAttemptAt + NotificationsApp.Backoff * 2, second.NextAttemptAt);
            app.Clock.Advance(NotificationsApp.Backoff * 2);
            await app.DispatchAsync();
            var last = await DeliveryAsync();
            Assert.Equal((DeliveryStatus.DeadLettered, NotificationsApp.MaxAttempts), (last.Status, last.Attempts));
        }
        finally
        {
            app.Mailbox.Refusing = false;
        }
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.DispatchAsync();
        Assert.Equal(DeliveryStatus.DeadLettered, (await DeliveryAsync()).Status);
        Assert.DoesNotContain(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains(order.Number));

        var listed = (await admin.Client.SendAsync(Operations.DeadLetters)).EnsureNoErrors().Get("deadLetteredNotificationDeliveries.edges");
        var entry = listed.EnumerateArray().Select(e => e.Get("node")).Single(n => n.Get("notificationId").GetString() == notification.Id.ToString());
        Assert.Equal(("EMAIL", "DEAD_LETTERED", 3), (entry.Get("channel").GetString(), entry.Get("status").GetString(), entry.Get("attempts").GetInt32()));
        var deliveryId = entry.Get("id").GetString();
        var notAdmin = await buyer.Client.SendAsync(Operations.RetryDelivery, new { input = new { deliveryId } });
        Assert.Contains("FORBIDDEN", notAdmin.ErrorCodes);
        var retried = await admin.MutateAsync(Operations.RetryDelivery, new { deliveryId });
        Assert.Equal(("PENDING", 0), (retried.Succeeded().Get("delivery.status").GetString(), retried.Get("delivery.attempts").GetInt32()));
        var again = await admin.MutateAsync(Operations.RetryDelivery, new { deliveryId });
        Assert.Equal(["NOT_DEAD_LETTERED"], again.UserErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await admin.MutateAsync(Operations.RetryDelivery, new { deliveryId = Guid.NewGuid() })).UserErrorCodes());

        await app.DispatchAsync();
        Assert.Equal(DeliveryStatus.Sent, (await DeliveryAsync()).Status);
        Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains(order.Number));
    }

    private async Task<(Person Buyer, OrderSnapshot Order)> ConfirmedOrderAsync(Person? buyer = null)
    {
        buyer ??= await app.RegisteredAsync();
        var seller = app.SignIn();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        return (buyer, order);
    }
}
