using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GoShop.Contracts.Ordering;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests.Push;

/// <summary>
/// Web push end to end against a local stand-in for the push service: registering a browser (a bad key refused), the
/// encrypted, VAPID-signed push it receives, and a browser the push service says is gone being removed.
/// </summary>
public sealed class PushTests(NotificationsApp app) : IClassFixture<NotificationsApp>, IAsyncLifetime
{
    private const string Register = """
        mutation ($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id endpoint } userErrors { code field message } } }
        """;

    private const string Unregister = """
        mutation ($input: UnregisterPushDeviceInput!) { unregisterPushDevice(input: $input) { unregisteredEndpoint userErrors { code field message } } }
        """;

    private readonly PushServiceStandIn _pushService = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pushService.DisposeAsync();

    [Fact]
    public async Task A_subscription_with_a_bad_key_secret_or_endpoint_is_refused_and_nothing_is_kept()
    {
        var person = app.SignIn();
        var (key, auth, _) = Browser();
        var offCurve = WebEncoders.Base64UrlDecode(key);
        offCurve[^1] ^= 0x01;

        var badKey = await person.MutateAsync(Register, new { endpoint = _pushService.Endpoint("a"), p256dh = WebEncoders.Base64UrlEncode(offCurve), auth });
        var notBase64 = await person.MutateAsync(Register, new { endpoint = _pushService.Endpoint("a"), p256dh = "not a key!", auth });
        var badAuth = await person.MutateAsync(Register, new { endpoint = _pushService.Endpoint("a"), p256dh = key, auth = "c2hvcnQ" });
        var plainHttp = await person.MutateAsync(Register, new { endpoint = "http://push.example.com/x", p256dh = key, auth });
        var unknown = await person.MutateAsync(Unregister, new { endpoint = _pushService.Endpoint("never") });

        Assert.Equal(["INVALID_PUSH_KEY"], badKey.UserErrorCodes());
        Assert.Equal("input.p256dh", string.Join('.', badKey.Get("userErrors.0.field").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(["INVALID_PUSH_KEY"], notBase64.UserErrorCodes());
        Assert.Equal(["INVALID_PUSH_AUTH"], badAuth.UserErrorCodes());
        Assert.Equal(["INVALID_ENDPOINT"], plainHttp.UserErrorCodes());
        Assert.Equal(["NOT_FOUND"], unknown.UserErrorCodes());
        Assert.False(await app.InDatabaseAsync(db => db.PushDevices.AnyAsync(d => d.UserId == person.Id)));
    }

    [Fact]
    public async Task A_registered_browser_gets_the_notification_encrypted_and_signed_and_a_gone_one_is_removed()
    {
        var buyer = await app.RegisteredAsync();
        var (key, auth, browser) = Browser();
        var (goneKey, goneAuth, _) = Browser();
        var path = Guid.NewGuid().ToString("N");
        var gonePath = Guid.NewGuid().ToString("N");
        _pushService.Answer(gonePath, HttpStatusCode.Gone);
        (await buyer.MutateAsync(Register, new { endpoint = _pushService.Endpoint(path), p256dh = key, auth })).Succeeded();
        (await buyer.MutateAsync(Register, new { endpoint = _pushService.Endpoint(gonePath), p256dh = goneKey, auth = goneAuth })).Succeeded();
        var vapidKey = (await app.Client().SendAsync("{ webPushPublicKey }")).EnsureNoErrors().Get("webPushPublicKey").GetString()!;
        var seller = app.SignIn();
        var order = Scenarios.Order(buyer, seller);

        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        await app.DispatchAsync();

        var request = Assert.Single(_pushService.To(path));
        Assert.Equal("aes128gcm", request.Headers["Content-Encoding"]);
        Assert.Equal("43200", request.Headers["TTL"]);
        var message = JsonDocument.Parse(PushDecryption.Decrypt(request.Body, browser, WebEncoders.Base64UrlDecode(auth))).RootElement;
        Assert.Equal(($"Đơn hàng {order.Number} đã được xác nhận", $"/orders/{order.OrderId}", "ORDER_CONFIRMED"),
            (message.GetProperty("title").GetString(), message.GetProperty("link").GetString(), message.GetProperty("kind").GetString()));
        AssertSignedByVapid(request.Headers["Authorization"], vapidKey, $"http://127.0.0.1:{_pushService.Port}");
        Assert.Single(_pushService.To(gonePath));
        var devices = (await buyer.Client.SendAsync("{ myPushDevices { endpoint } }")).EnsureNoErrors().Get("myPushDevices");
        Assert.Equal([_pushService.Endpoint(path)], devices.EnumerateArray().Select(d => d.GetProperty("endpoint").GetString()));
        var notification = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        var push = await app.InDatabaseAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notification.Id && d.Channel == NotificationChannel.Push));
        Assert.Equal(DeliveryStatus.Sent, push.Status);

        var unregistered = await buyer.MutateAsync(Unregister, new { endpoint = _pushService.Endpoint(path) });
        Assert.Equal(_pushService.Endpoint(path), unregistered.Succeeded().Get("unregisteredEndpoint").GetString());
        Assert.Equal(0, (await buyer.Client.SendAsync("{ myPushDevices { endpoint } }")).EnsureNoErrors().Get("myPushDevices").GetArrayLength());
    }

    [Fact]
    public async Task A_retry_after_one_browser_failed_pushes_only_to_the_browsers_that_did_not_accept()
    {
        var buyer = await app.RegisteredAsync();
        var (key, auth, _) = Browser();
        var (failingKey, failingAuth, _) = Browser();
        var path = Guid.NewGuid().ToString("N");
        var failingPath = Guid.NewGuid().ToString("N");
        _pushService.Answer(failingPath, HttpStatusCode.InternalServerError);
        (await buyer.MutateAsync(Register, new { endpoint = _pushService.Endpoint(path), p256dh = key, auth })).Succeeded();
        (await buyer.MutateAsync(Register, new { endpoint = _pushService.Endpoint(failingPath), p256dh = failingKey, auth = failingAuth })).Succeeded();
        var seller = app.SignIn();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        var notification = await app.AwaitAsync(buyer.Id, "ORDER_CONFIRMED");
        Task<ChannelDelivery> PushDeliveryAsync() => app.InDatabaseAsync(db =>
            db.Deliveries.AsNoTracking().SingleAsync(d => d.NotificationId == notification.Id && d.Channel == NotificationChannel.Push));

        await app.DispatchAsync();

        var failed = await PushDeliveryAsync();
        Assert.Equal((DeliveryStatus.Pending, 1), (failed.Status, failed.Attempts));
        var accepted = await app.InDatabaseAsync(db => db.PushDevices.AsNoTracking().SingleAsync(d => d.Endpoint == _pushService.Endpoint(path)));
        Assert.Equal([accepted.Id], failed.AcceptedDevices);
        Assert.Single(_pushService.To(path));
        Assert.Single(_pushService.To(failingPath));

        _pushService.Answer(failingPath, HttpStatusCode.Created);
        app.Clock.Advance(NotificationsApp.Backoff);
        await app.DispatchAsync();

        Assert.Equal((DeliveryStatus.Sent, 2), ((await PushDeliveryAsync()).Status, (await PushDeliveryAsync()).Attempts));
        Assert.Single(_pushService.To(path));
        Assert.Equal(2, _pushService.To(failingPath).Count);
        Assert.Equal(2, (await PushDeliveryAsync()).AcceptedDevices.Count);
    }

    /// <summary>A browser's subscription keys: its P-256 public key and auth secret (base64url), and its private key.</summary>
    internal static (string Key, string Auth, ECDiffieHellman Browser) Browser()
    {
        var browser = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return (WebEncoders.Base64UrlEncode(GoShop.Notifications.Push.WebPushEncryption.Uncompressed(browser.ExportParameters(false).Q)),
            WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)), browser);
    }

    /// <summary>Checks the VAPID header as a push service does (RFC 8292): an ES256 JWT for our origin, signed by the key named in k.</summary>
    private static void AssertSignedByVapid(string authorization, string vapidKey, string audience)
    {
        Assert.StartsWith("vapid t=", authorization);
        var parts = authorization["vapid t=".Length..].Split(", k=");
        Assert.Equal(vapidKey, parts[1]);
        var jwt = parts[0].Split('.');
        var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt[1])).RootElement;
        Assert.Equal(audience, claims.GetProperty("aud").GetString());
        Assert.StartsWith("mailto:", claims.GetProperty("sub").GetString());
        var q = WebEncoders.Base64UrlDecode(vapidKey);
        using var verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = q[1..33], Y = q[33..65] } });
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), WebEncoders.Base64UrlDecode(jwt[2]), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
