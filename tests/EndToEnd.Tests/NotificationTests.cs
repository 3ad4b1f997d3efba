using System.Text.Json;
using GoShop.Testing;
using MimeKit;
using StackExchange.Redis;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// Notifications through the gateway: the seller confirms a buyer's order, and the buyer hears of it live
/// (notificationReceived over SSE), finds it in the inbox, and gets the email; with the ORDERS email switched off the next
/// confirmation still reaches the inbox, but no email is written.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NotificationTests(Platform platform)
{
    private const string Received = "subscription { notificationReceived { id kind title link } }";

    private const string Inbox = "{ notifications(first: 20) { unreadCount edges { node { id kind title link } } } }";

    [Fact]
    public async Task A_confirmed_order_reaches_the_buyer_live_in_the_inbox_and_by_email_unless_the_orders_email_is_off()
    {
        var shop = await Shopping.OpenShopAsync(platform, 10);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        var me = (await buyer.Client.SendAsync("{ me { id email } }")).EnsureNoErrors();
        var (buyerId, email) = (me.Get("me.id").GetString()!, me.Get("me.email").GetString()!);
        // Notifications learns the buyer's address from identity's UserRegistered, and welcomes them.
        await Eventually.HoldsAsync(async () => (await KindsAsync(buyer)).Contains("WELCOME"), "the welcome notification");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = await ServerSentEvents.SubscribeAsync(platform.Http, Received, buyer.Token, cancellationToken: timeout.Token);
        await LiveAsync($"notifications.inbox.{Guid.Parse(buyerId):N}");
        // One reader for the whole stream: each step reads on from where the last one stopped.
        await using var events = ServerSentEvents.ReadAsync(stream, timeout.Token).GetAsyncEnumerator(timeout.Token);

        var (orderId, number) = await PlaceAndConfirmAsync(shop, buyer, addressId);

        var pushed = await NextOfKindAsync(events, "ORDER_CONFIRMED");
        Assert.Equal(($"Đơn hàng {number} đã được xác nhận", $"/orders/{orderId}"), (pushed.Get("title").GetString(), pushed.Get("link").GetString()));
        var inbox = (await buyer.Client.SendAsync(Inbox)).EnsureNoErrors().Get("notifications");
        Assert.Contains(inbox.Get("edges").EnumerateArray(), e => e.Get("node.id").GetString() == pushed.Get("id").GetString());
        Assert.True(inbox.Get("unreadCount").GetInt32() >= 3);
        var mail = await Eventually.ReturnsAsync(() => Task.FromResult(MailsTo(email)), m => m.Any(x => x.Subject == $"Đơn hàng {number} đã được xác nhận"),
            TimeSpan.FromSeconds(20));
        var confirmation = mail.First(x => x.Subject == $"Đơn hàng {number} đã được xác nhận");
        Assert.Contains($"/orders/{orderId}", confirmation.TextBody);
        Assert.Contains(number, confirmation.HtmlBody);

        (await buyer.Client.MutateAsync(
            "mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { settings { language } userErrors { code } } }",
            new { input = new { preferences = new[] { new { category = "ORDERS", channel = "EMAIL", enabled = false } } } })).Succeeded();
        var (secondId, second) = await PlaceAndConfirmAsync(shop, buyer, addressId);

        var pushedAgain = await NextOfKindAsync(events, "ORDER_CONFIRMED");
        Assert.Equal($"/orders/{secondId}", pushedAgain.Get("link").GetString());
        await Eventually.HoldsAsync(async () => (await buyer.Client.SendAsync(Inbox)).EnsureNoErrors().Get("notifications.edges").EnumerateArray()
            .Any(e => e.Get("node.link").GetString() == $"/orders/{secondId}" && e.Get("node.kind").GetString() == "ORDER_CONFIRMED"), "the second confirmation in the inbox");
        // The dispatcher polls every second: give it a few rounds to prove nothing is sent.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.DoesNotContain(MailsTo(email), m => m.Subject == $"Đơn hàng {second} đã được xác nhận");
    }

    private static async Task<(string OrderId, string Number)> PlaceAndConfirmAsync(StockedShop shop, Shopper buyer, string addressId)
    {
        (await buyer.AddToCartAsync(shop.ProductIds[0], 1)).Succeeded();
        var order = (await buyer.PlaceOrderAsync(addressId, paymentMethod: "COD")).Succeeded().Orders().Single();
        var orderId = order.GetProperty("id").GetString()!;
        (await shop.Seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();
        return (orderId, order.GetProperty("number").GetString()!);
    }

    private static async Task<JsonElement> NextOfKindAsync(IAsyncEnumerator<ServerSentEvent> events, string kind)
    {
        while (await events.MoveNextAsync())
        {
            Assert.Equal("next", events.Current.Event);
            var notification = JsonDocument.Parse(events.Current.Data).RootElement.Get("data.notificationReceived");
            if (notification.Get("kind").GetString() == kind)
                return notification.Clone();
        }
        throw new Xunit.Sdk.XunitException($"The stream ended before a {kind} notification.");
    }

    private async Task<List<string>> KindsAsync(Shopper person) =>
        (await person.Client.SendAsync(Inbox)).EnsureNoErrors().Get("notifications.edges").EnumerateArray()
            .Select(e => e.Get("node.kind").GetString()!).ToList();

    private List<MimeMessage> MailsTo(string email) => !Directory.Exists(platform.MailFolder) ? [] :
        Directory.GetFiles(platform.MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    private static async Task LiveAsync(string topic)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var channel = "goshop:topic:" + topic;
        await Eventually.HoldsAsync(async () => (long)(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel))[1] > 0, $"a subscriber on {channel}");
    }
}
