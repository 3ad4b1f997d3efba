namespace GoShop.Notifications.Domain;

/// <summary>
/// One person's daily digest of one marketing category on one channel (email or push): the notifications of that category
/// made on <see cref="Day"/> (their local date) go out together the next morning instead of one message each. The key
/// (person, category, channel, day) is unique, so however many instances make notifications or send digests, a day has
/// one digest and it is sent once: the sender claims it under its row lock and marks it sent in the same transaction.
/// </summary>
public sealed class NotificationDigest
{
    public const int MaxErrorLength = ChannelDelivery.MaxErrorLength;

    private NotificationDigest()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationCategory Category { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>The person's local date whose notifications it carries.</summary>
    public DateOnly Day { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When it is due: the morning after <see cref="Day"/>, then after each failed attempt's backoff.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>How many notifications the sent digest carried.</summary>
    public int NotificationCount { get; private set; }

    /// <summary>The push devices that accepted it, not pushed to again when another device's failure is retried.</summary>
    public List<Guid> AcceptedDevices { get; private set; } = [];

    public void Accepted(Guid deviceId)
    {
        if (!AcceptedDevices.Contains(deviceId))
            AcceptedDevices.Add(deviceId);
    }

    public void Succeed(int notificationCount, DateTimeOffset now)
    {
        Attempts++;
        NotificationCount = notificationCount;
        SentAt = now;
        LastError = null;
        Status = DeliveryStatus.Sent;
    }

    /// <summary>Records a failed attempt: tried again after <paramref name="backoff"/> doubled per attempt, or dead-lettered after the last.</summary>
    public void Fail(string error, DateTimeOffset now, int maxAttempts, TimeSpan backoff)
    {
        Attempts++;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        if (Attempts >= maxAttempts)
            Status = DeliveryStatus.DeadLettered;
        else
            NextAttemptAt = now + backoff * Math.Pow(2, Attempts - 1);
    }
}
