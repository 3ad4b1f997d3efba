using System.Globalization;
using GoShop.Contracts.Search;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using GoShop.Notifications.Tests.Push;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests;

/// <summary>
/// Daily digests of marketing categories: the day's notifications wait in the inbox as they come, and go out together the
/// next morning in the person's time zone, as one email (through the real SMTP server) and one push, sent once however
/// many instances look for due digests.
/// </summary>
public sealed class DigestTests(NotificationsApp app) : IClassFixture<NotificationsApp>, IAsyncLifetime
{
    private readonly PushServiceStandIn _pushService = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pushService.DisposeAsync();

    [Fact]
    public async Task The_days_price_alerts_go_out_once_the_next_morning_as_one_email_and_one_push_while_the_inbox_gets_each()
    {
        var buyer = await app.RegisteredAsync();
        var (key, auth, _) = PushTests.Browser();
        var devicePath = Guid.NewGuid().ToString("N");
        (await buyer.MutateAsync(Operations.RegisterPushDevice, new { endpoint = _pushService.Endpoint(devicePath), p256dh = key, auth })).Succeeded();
        var chosen = await buyer.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), digestCategories = new[] { "PRICE_ALERTS" } });
        Assert.Equal(["PRICE_ALERTS"], chosen.Succeeded().Get("settings.digestCategories").EnumerateArray().Select(c => c.GetString()));

        await app.DeliverAsync(Alert(buyer, "Tai nghe"));
        await app.DeliverAsync(Alert(buyer, "Loa"));
        await app.DispatchAsync();

        Assert.DoesNotContain(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains("Tai nghe") || (m.Subject ?? "").Contains("Loa"));
        Assert.Empty(_pushService.To(devicePath));
        var inbox = await buyer.InboxAsync();
        var alerts = inbox.Get("edges").EnumerateArray().Select(e => e.Get("node")).Where(n => n.Get("kind").GetString() == "PRICE_ALERT").ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.All(a.Get("deliveries").EnumerateArray(), d => Assert.Equal("IN_DIGEST", d.Get("status").GetString())));
        var digests = await DigestsOfAsync(buyer);
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Push], digests.Select(d => d.Channel).Order());
        var dueAt = digests[0].NextAttemptAt;
        var saigon = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), saigon).DateTime);
        Assert.Equal(today.AddDays(1).ToDateTime(new TimeOnly(8, 0)), TimeZoneInfo.ConvertTime(dueAt, saigon).DateTime);
        Assert.Equal(0, await app.SendDigestsAsync());

        app.Clock.Advance(dueAt - app.Clock.GetUtcNow());
        // Two instances look for due digests at the same moment, then one restarts and looks again.
        await Task.WhenAll(app.SendDigestsAsync(), app.SendDigestsAsync());
        await app.SendDigestsAsync();

        var mail = Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains("cảnh báo giá"));
        Assert.Equal($"2 cảnh báo giá trong ngày {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", mail.Subject);
        Assert.Contains("Chào Nguyễn Văn An", mail.TextBody);
        Assert.Contains("- Tai nghe đã giảm giá: Tai nghe hiện có giá", mail.TextBody);
        Assert.Contains("- Loa đã giảm giá", mail.TextBody);
        Assert.Contains("Loa đã giảm giá", mail.HtmlBody);
        var unsubscribe = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        Assert.StartsWith("https://goshop.test/unsubscribe?token=", unsubscribe);
        Assert.Contains(unsubscribe, mail.TextBody);
        Assert.Single(_pushService.To(devicePath));
        var sent = await DigestsOfAsync(buyer);
        Assert.All(sent, d => Assert.Equal((DeliveryStatus.Sent, 1, 2), (d.Status, d.Attempts, d.NotificationCount)));
        var deliveries = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().Where(d => d.UserId == buyer.Id && d.DigestDay != null).ToListAsync());
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task An_english_digest_goes_out_at_eight_in_the_persons_own_time_zone()
    {
        var buyer = await app.RegisteredAsync("Jane Doe");
        (await buyer.MutateAsync(Operations.UpdatePreferences, new
        {
            preferences = Array.Empty<object>(),
            language = "en",
            timeZone = "Europe/Paris",
            digestCategories = new[] { "PRICE_ALERTS" },
        })).Succeeded();

        await app.DeliverAsync(Alert(buyer, "Headphones"));

        var digest = Assert.Single(await DigestsOfAsync(buyer));
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(digest.NextAttemptAt, paris).DateTime));
        app.Clock.Advance(digest.NextAttemptAt - app.Clock.GetUtcNow());
        await app.SendDigestsAsync();

        var mail = Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains("price alert"));
        Assert.Equal($"1 price alert on {digest.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", mail.Subject);
        Assert.Contains("Hi Jane Doe, here are your price alerts", mail.TextBody);
        Assert.Contains("- Headphones", mail.TextBody);
    }

    [Fact]
    public async Task A_digest_the_smtp_server_refuses_is_retried_after_the_backoff_and_swept_with_old_notifications()
    {
        var buyer = await app.RegisteredAsync();
        (await buyer.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), digestCategories = new[] { "PRICE_ALERTS" } })).Succeeded();
        await app.DeliverAsync(Alert(buyer, "Nồi chiên"));
        var digest = Assert.Single(await DigestsOfAsync(buyer));
        app.Clock.Advance(digest.NextAttemptAt - app.Clock.GetUtcNow());

        app.Mailbox.Refusing = true;
        try
        {
            await app.SendDigestsAsync();
            var failed = Assert.Single(await DigestsOfAsync(buyer));
            Assert.Equal((DeliveryStatus.Pending, 1), (failed.Status, failed.Attempts));
            Assert.Contains("mailbox unavailable", failed.LastError);
            Assert.Equal(app.Clock.GetUtcNow() + NotificationsApp.Backoff, failed.NextAttemptAt);
        }
        finally
        {
            app.Mailbox.Refusing = false;
        }
        await app.SendDigestsAsync();
        Assert.Equal(1, Assert.Single(await DigestsOfAsync(buyer)).Attempts);
        Assert.All(await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().Where(d => d.UserId == buyer.Id && d.DigestDay != null).ToListAsync()),
            d => Assert.Equal(DeliveryStatus.InDigest, d.Status));

        app.Clock.Advance(NotificationsApp.Backoff);
        await app.SendDigestsAsync();
        Assert.Equal((DeliveryStatus.Sent, 2), (Assert.Single(await DigestsOfAsync(buyer)).Status, Assert.Single(await DigestsOfAsync(buyer)).Attempts));
        Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains("cảnh báo giá"));

        await app.InDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE notification_digests SET created_at = {app.Clock.GetUtcNow().AddDays(-91)} WHERE user_id = {buyer.Id}"));
        await app.Service<RetentionSweeper>().SweepOnceAsync(CancellationToken.None);
        Assert.Empty(await DigestsOfAsync(buyer));
    }

    [Fact]
    public async Task A_digest_refused_at_every_attempt_leaves_what_it_carried_on_the_admins_dead_letter_list_to_retry_one_by_one()
    {
        var buyer = await app.RegisteredAsync();
        var admin = app.Admin();
        (await buyer.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), digestCategories = new[] { "PRICE_ALERTS" } })).Succeeded();
        await app.DeliverAsync(Alert(buyer, "Máy xay sinh tố"));
        await app.DeliverAsync(Alert(buyer, "Ấm siêu tốc"));
        var digest = Assert.Single(await DigestsOfAsync(buyer));
        app.Clock.Advance(digest.NextAttemptAt - app.Clock.GetUtcNow());

        app.Mailbox.Refusing = true;
        try
        {
            for (var attempt = 1; attempt <= NotificationsApp.MaxAttempts; attempt++)
            {
                await app.SendDigestsAsync();
                app.Clock.Advance(NotificationsApp.Backoff * Math.Pow(2, attempt));
            }
        }
        finally
        {
            app.Mailbox.Refusing = false;
        }
        Assert.Equal((DeliveryStatus.DeadLettered, NotificationsApp.MaxAttempts), (Assert.Single(await DigestsOfAsync(buyer)).Status, Assert.Single(await DigestsOfAsync(buyer)).Attempts));
        var carried = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking()
            .Where(d => d.UserId == buyer.Id && d.DigestDay != null && d.Channel == NotificationChannel.Email).ToListAsync());
        Assert.Equal(2, carried.Count);
        Assert.All(carried, d => Assert.Equal(DeliveryStatus.DeadLettered, d.Status));
        Assert.All(carried, d => Assert.StartsWith("The daily digest carrying it failed:", d.LastError));

        var listed = (await admin.Client.SendAsync(Operations.DeadLetters)).EnsureNoErrors().Get("deadLetteredNotificationDeliveries.edges")
            .EnumerateArray().Select(e => e.Get("node").Get("id").GetString()).ToList();
        Assert.All(carried, d => Assert.Contains(d.Id.ToString(), listed));
        (await admin.MutateAsync(Operations.RetryDelivery, new { deliveryId = carried[0].Id })).Succeeded();
        await app.DispatchAsync();
        await app.SendDigestsAsync();

        var after = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().Where(d => d.Id == carried[0].Id || d.Id == carried[1].Id).ToListAsync());
        Assert.Equal(DeliveryStatus.Sent, after.Single(d => d.Id == carried[0].Id).Status);
        Assert.Equal(DeliveryStatus.DeadLettered, after.Single(d => d.Id == carried[1].Id).Status);
        // The welcome email, and the one price alert retried on its own.
        Assert.Single(app.Mailbox.To(Scenarios.Email(buyer)), m => (m.Subject ?? "").Contains("Máy xay sinh tố") || (m.Subject ?? "").Contains("Ấm siêu tốc"));
    }

    [Fact]
    public async Task Only_marketing_categories_can_be_a_digest_and_a_refused_change_writes_nothing()
    {
        var person = app.SignIn();

        var orders = await person.MutateAsync(Operations.UpdatePreferences, new
        {
            preferences = Array.Empty<object>(),
            language = "en",
            digestCategories = new[] { "PROMOTIONS", "ORDERS" },
        });
        var unknown = await person.Client.SendAsync(Operations.UpdatePreferences,
            new { input = new { preferences = Array.Empty<object>(), digestCategories = new[] { "DEALS" } } });

        Assert.Equal(["DIGEST_NOT_OFFERED"], orders.UserErrorCodes());
        Assert.Contains("ORDERS", orders.Get("userErrors.0.message").GetString());
        Assert.Equal("input.digestCategories", string.Join('.', orders.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString())));
        Assert.Contains(unknown.Errors, e => e.GetProperty("message").GetString()!.Contains("DEALS"));
        Assert.False(await app.InDatabaseAsync(db => db.Recipients.AnyAsync(r => r.UserId == person.Id)));

        var both = await person.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), digestCategories = new[] { "PRICE_ALERTS", "PROMOTIONS" } });
        Assert.Equal(["PROMOTIONS", "PRICE_ALERTS"], both.Succeeded().Get("settings.digestCategories").EnumerateArray().Select(c => c.GetString()));
        var none = await person.MutateAsync(Operations.UpdatePreferences, new { preferences = Array.Empty<object>(), digestCategories = Array.Empty<string>() });
        Assert.Equal(0, none.Succeeded().Get("settings.digestCategories").GetArrayLength());
    }

    private static PriceAlertTriggered Alert(Person buyer, string product) =>
        new(Guid.NewGuid(), buyer.Id, Guid.NewGuid(), Guid.NewGuid(), product, 500_000m, 450_000m, "VND", PriceAlertReasons.PriceReached, DateTimeOffset.UtcNow);

    private Task<List<NotificationDigest>> DigestsOfAsync(Person person) =>
        app.InDatabaseAsync(db => db.Digests.AsNoTracking().Where(d => d.UserId == person.Id).ToListAsync());
}
