namespace GoShop.Notifications.Domain;

/// <summary>
/// Whether a person wants one category of notifications on one channel. Without a row the channel is on: people hear of
/// everything until they say otherwise.
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public Guid UserId { get; private set; }

    public NotificationCategory Category { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public bool Enabled { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotificationPreference Of(Guid userId, NotificationCategory category, NotificationChannel channel, bool enabled, DateTimeOffset now) =>
        new() { UserId = userId, Category = category, Channel = channel, Enabled = enabled, UpdatedAt = now };

    public void Set(bool enabled, DateTimeOffset now)
    {
        Enabled = enabled;
        UpdatedAt = now;
    }
}
