using System.Net;
using System.Text;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Sms;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Tests.Sms;

/// <summary>The notifications app with SMS going to a sandbox folder of its own, at most two per number per hour.</summary>
public sealed class SmsApp : NotificationsApp
{
    public string SandboxFolder { get; } = Path.Combine(Path.GetTempPath(), "goshop-test-sms", Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notifications:Sms:Provider"] = "sandbox",
        ["Notifications:Sms:SandboxDirectory"] = SandboxFolder,
        ["Notifications:Sms:PerNumberLimit"] = "2",
        ["Notifications:Sms:PerNumberWindow"] = "01:00:00",
    };

    /// <summary>The messages written to the sandbox for a number: the text after the "To:" line.</summary>
    public IReadOnlyList<string> TextsTo(string number) => !Directory.Exists(SandboxFolder) ? [] :
        Directory.GetFiles(SandboxFolder, "*.txt").Order().Select(File.ReadAllText)
            .Where(t => t.StartsWith($"To: {number}\n", StringComparison.Ordinal)).Select(t => t[(t.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].Trim()).ToList();
}

/// <summary>SMS: urgent kinds only, to the number identity knows, rate-limited per number; Twilio's API spoken as Twilio expects.</summary>
public sealed class SmsTests(SmsApp app) : IClassFixture<SmsApp>
{
    [Fact]
    public async Task Only_urgent_kinds_go_by_sms_and_a_number_gets_at_most_its_limit()
    {
        var buyer = await app.RegisteredAsync();
        var number = "+8490" + Random.Shared.Next(1_000_000, 9_999_999);
        await app.DeliverAsync(new UserProfileUpdated(buyer.Id, "Nguyễn Văn An", number, DateTimeOffset.UtcNow));
        var seller = app.SignIn();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        for (var i = 0; i < 3; i++)
            await app.DeliverAsync(new PaymentFailed(Guid.NewGuid(), null, [order.OrderId], "card_declined", DateTimeOffset.UtcNow.AddSeconds(i)));

        await app.DispatchAsync();

        var texts = app.TextsTo(number);
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.StartsWith($"GoShop: Thanh toán đơn {order.Number} không thành công.", t));
        var sms = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().Where(d => d.UserId == buyer.Id && d.Channel == NotificationChannel.Sms).ToListAsync());
        Assert.Equal(3, sms.Count);
        Assert.Equal(2, sms.Count(d => d.Status == DeliveryStatus.Sent));
        var limited = Assert.Single(sms, d => d.Status == DeliveryStatus.Pending);
        Assert.Contains("rate limit", limited.LastError);
        var confirmed = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        Assert.False(await app.InDatabaseAsync(db => db.Deliveries.AnyAsync(d => d.NotificationId == confirmed.Id && d.Channel == NotificationChannel.Sms)));
    }

    [Fact]
    public async Task The_twilio_adapter_posts_the_message_with_the_account_s_credentials_and_fails_on_an_error()
    {
        await using var twilio = new PushServiceStandIn();
        var options = Options.Create(new NotificationsOptions
        {
            Sms = new SmsOptions { Twilio = new TwilioOptions { ApiBase = twilio.BaseUrl, AccountSid = "AC123", AuthToken = "secret", From = "+15005550006" } },
        });
        var sender = new TwilioSmsSender(new HttpClient(), options);

        await sender.SendAsync("+84901234567", "GoShop: Giao đơn GS-1 không thành công.", CancellationToken.None);

        var request = Assert.Single(twilio.All);
        Assert.Equal("/2010-04-01/Accounts/AC123/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:secret")), request.Headers["Authorization"]);
        var form = System.Web.HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(("+84901234567", "+15005550006", "GoShop: Giao đơn GS-1 không thành công."), (form["To"], form["From"], form["Body"]));

        var failing = new TwilioSmsSender(new HttpClient(), Options.Create(new NotificationsOptions
        {
            Sms = new SmsOptions { Twilio = new TwilioOptions { ApiBase = twilio.BaseUrl + "/push/down", AccountSid = "AC123", AuthToken = "secret", From = "+1" } },
        }));
        twilio.Answer("down/2010-04-01/Accounts/AC123/Messages.json", HttpStatusCode.BadRequest);
        await Assert.ThrowsAsync<HttpRequestException>(() => failing.SendAsync("+84901234567", "x", CancellationToken.None));
    }
}
