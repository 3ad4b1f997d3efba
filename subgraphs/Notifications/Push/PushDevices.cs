using GoShop.BuildingBlocks.Domain;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Push;

/// <summary>Registering and unregistering browsers for web push, with their subscription checked before it is kept.</summary>
public sealed class PushDevices(NotificationsDbContext db, VapidKeys vapid, TimeProvider clock)
{
    public async Task<Result<PushDevice>> RegisterAsync(Guid userId, string endpoint, string p256dh, string auth, CancellationToken cancellationToken)
    {
        if (!vapid.Enabled)
            return PushErrors.Unavailable;
        if (Check(endpoint, p256dh, auth) is { } error)
            return error;
        var device = await db.PushDevices.SingleOrDefaultAsync(d => d.Endpoint == endpoint, cancellationToken);
        if (device is null)
        {
            device = PushDevice.Register(userId, endpoint, p256dh, auth, clock.GetUtcNow());
            db.PushDevices.Add(device);
        }
        else
        {
            device.Renew(userId, p256dh, auth);
        }
        await db.SaveChangesAsync(cancellationToken);
        return device;
    }

    public async Task<Result<string>> UnregisterAsync(Guid userId, string endpoint, CancellationToken cancellationToken)
    {
        var removed = await db.PushDevices.Where(d => d.UserId == userId && d.Endpoint == endpoint).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? PushErrors.DeviceNotFound : endpoint;
    }

    /// <summary>The first problem of a browser's subscription: an https endpoint (http only on loopback), a P-256 key, a 16-byte secret.</summary>
    public static DomainError? Check(string endpoint, string p256dh, string auth)
    {
        if (endpoint.Length > PushDevice.MaxEndpointLength || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            return PushErrors.InvalidEndpoint;
        if (Decode(p256dh) is not { } key || !WebPushEncryption.IsValidPublicKey(key))
            return PushErrors.InvalidKey;
        if (Decode(auth) is not { Length: 16 })
            return PushErrors.InvalidAuth;
        return null;
    }

    private static byte[]? Decode(string text)
    {
        try
        {
            return WebEncoders.Base64UrlDecode(text.Trim().TrimEnd('='));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The expected failures of web push registration.</summary>
public static class PushErrors
{
    public static DomainError Unavailable { get; } = new("PUSH_UNAVAILABLE", "Web push is not set up on this server (no VAPID keys).", null);

    public static DomainError InvalidEndpoint { get; } =
        new("INVALID_ENDPOINT", "The endpoint must be the https URL of a push service (the PushSubscription's endpoint).", "endpoint");

    public static DomainError InvalidKey { get; } =
        new("INVALID_PUSH_KEY", "p256dh must be the subscription's P-256 public key: 65 bytes, base64url, a point on the curve.", "p256dh");

    public static DomainError InvalidAuth { get; } = new("INVALID_PUSH_AUTH", "auth must be the subscription's 16-byte secret, base64url.", "auth");

    public static DomainError DeviceNotFound { get; } = new("NOT_FOUND", "You have no push device with this endpoint.", "endpoint");
}
