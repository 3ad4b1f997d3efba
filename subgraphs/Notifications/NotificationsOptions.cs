namespace GoShop.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>The web app's address: links in emails point there (notification links, the unsubscribe page).</summary>
    public string AppBaseUrl { get; set; } = "http://localhost:3000";

    /// <summary>How long a notification stays in the inbox (and its delivery log with it).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the retention sweep runs; zero: never (tests sweep when they choose).</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The key that signs unsubscribe links. Outside Development it must be configured.</summary>
    public string? UnsubscribeKey { get; set; }

    public DeliveryOptions Delivery { get; set; } = new();

    public PushOptions Push { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public DigestOptions Digest { get; set; } = new();
}

/// <summary>Configuration section <c>Notifications:Digest</c>: the daily digests of promotions and price alerts.</summary>
public sealed class DigestOptions
{
    /// <summary>The local time, in each person's time zone, their digest of the day before goes out.</summary>
    public TimeOnly SendAt { get; set; } = new(8, 0);

    /// <summary>How often the digest sender looks for due digests; zero: never (tests send when they choose).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 50;
}

/// <summary>Configuration section <c>Notifications:Sms</c>: text messages for urgent kinds.</summary>
public sealed class SmsOptions
{
    /// <summary><c>sandbox</c> writes each message into <see cref="SandboxDirectory"/>; <c>twilio</c> sends it.</summary>
    public string Provider { get; set; } = "sandbox";

    public string SandboxDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "goshop-sms");

    /// <summary>At most this many messages per number per <see cref="PerNumberWindow"/>.</summary>
    public int PerNumberLimit { get; set; } = 5;

    public TimeSpan PerNumberWindow { get; set; } = TimeSpan.FromHours(1);

    public TwilioOptions Twilio { get; set; } = new();
}

/// <summary>Configuration section <c>Notifications:Sms:Twilio</c>.</summary>
public sealed class TwilioOptions
{
    public string ApiBase { get; set; } = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sending number or messaging service.</summary>
    public string? From { get; set; }
}

/// <summary>Configuration section <c>Notifications:Push</c>: web push with VAPID (RFC 8292).</summary>
public sealed class PushOptions
{
    /// <summary>The application server's public key, base64url (65-byte uncompressed P-256 point).</summary>
    public string? VapidPublicKey { get; set; }

    /// <summary>Its private key, base64url (32 bytes). Keep it secret.</summary>
    public string? VapidPrivateKey { get; set; }

    /// <summary>Who push services may contact about our pushes (a mailto: or https: URL).</summary>
    public string VapidSubject { get; set; } = "mailto:ops@goshop.dev";

    /// <summary>Where Development keeps the key pair it generates when none is configured.</summary>
    public string DevelopmentKeyFile { get; set; } = Path.Combine("App_Data", "vapid-development.json");

    /// <summary>How long a push service keeps a message for an offline browser.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>Configuration section <c>Notifications:Delivery</c>: the dispatcher of email (and later push and SMS) deliveries.</summary>
public sealed class DeliveryOptions
{
    /// <summary>How often the dispatcher looks for due deliveries; zero: never (tests dispatch when they choose).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many deliveries one round claims.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(30);
}
