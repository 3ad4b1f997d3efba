namespace GoShop.Notifications.Domain;

/// <summary>
/// A browser a person registered for web push: its push service endpoint and the keys its messages are encrypted for
/// (the PushSubscription's p256dh and auth). Removed when the person unregisters it or the push service says it is gone.
/// </summary>
public sealed class PushDevice
{
    public const int MaxEndpointLength = 1000;

    private PushDevice()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Endpoint { get; private set; } = "";

    /// <summary>The browser's P-256 public key, base64url.</summary>
    public string P256dh { get; private set; } = "";

    /// <summary>The browser's 16-byte auth secret, base64url.</summary>
    public string Auth { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static PushDevice Register(Guid userId, string endpoint, string p256dh, string auth, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Endpoint = endpoint,
        P256dh = p256dh,
        Auth = auth,
        CreatedAt = now,
    };

    /// <summary>The browser subscribed again (new keys), possibly signed in as someone else now.</summary>
    public void Renew(Guid userId, string p256dh, string auth)
    {
        UserId = userId;
        P256dh = p256dh;
        Auth = auth;
    }
}
