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
