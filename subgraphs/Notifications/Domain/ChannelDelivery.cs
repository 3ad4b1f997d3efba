using System.ComponentModel;

namespace GoShop.Notifications.Domain;

public enum DeliveryStatus
{
    [Description("Waiting to be sent: at once, after a failed attempt's backoff, or at the end of the recipient's quiet hours.")]
    Pending,

    [Description("The channel accepted it (the SMTP server took the mail).")]
    Sent,

    [Description("Waiting for the recipient's daily digest of its category (promotions, price alerts), which carries it the next morning.")]
    InDigest,

    [Description("Every attempt failed: it waits on the dead-letter list for an admin to retry it.")]
    DeadLettered,
}

/// <summary>
/// One notification on its way through one channel other than the app (email, push, SMS): the delivery log of that
/// notification and channel. Failed attempts are retried with an exponential backoff; after the last one it is
/// dead-lettered until an admin retries it.
/// </summary>
public sealed class ChannelDelivery
{
    public const int MaxErrorLength = 1000;

    private ChannelDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid NotificationId { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>For a notification sent in a daily digest: the person's local date of that digest.</summary>
    public DateOnly? DigestDay { get; private set; }

    /// <summary>
    /// The push devices that accepted this notification: when another of the person's browsers fails, the retry goes only
    /// to the devices not listed here.
    /// </summary>
    public List<Guid> AcceptedDevices { get; private set; } = [];

    public static ChannelDelivery Plan(Notification notification, NotificationChannel channel, DateTimeOffset sendAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        NotificationId = notification.Id,
        UserId = notification.UserId,
        Channel = channel,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = sendAt,
        CreatedAt = now,
    };

    /// <summary>The notification goes out in the person's digest of <paramref name="day"/> (sent the next morning) instead of on its own.</summary>
    public static ChannelDelivery PlanInDigest(Notification notification, NotificationChannel channel, DateOnly day, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var delivery = Plan(notification, channel, dueAt, now);
        delivery.Status = DeliveryStatus.InDigest;
        delivery.DigestDay = day;
        return delivery;
    }

    /// <summary>The digest carrying it was sent.</summary>
    public void SentInDigest(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        SentAt = now;
        Status = DeliveryStatus.Sent;
    }

    /// <summary>One push device took the notification (its push service answered 2xx): it is not sent to again.</summary>
    public void Accepted(Guid deviceId)
    {
        if (!AcceptedDevices.Contains(deviceId))
            AcceptedDevices.Add(deviceId);
    }

    public void Succeed(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        SentAt = now;
        LastError = null;
        Status = DeliveryStatus.Sent;
    }

    /// <summary>Records a failed attempt: tried again after <paramref name="backoff"/> doubled per attempt, or dead-lettered after the last.</summary>
    public void Fail(string error, DateTimeOffset now, int maxAttempts, TimeSpan backoff)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.DeadLettered;
            return;
        }
        NextAttemptAt = now + backoff * Math.Pow(2, Attempts - 1);
    }

    /// <summary>
    /// The digest carrying it failed its every attempt: it joins the dead-letter list on its own, where an admin retrying it
    /// sends it as a message of its own (the digest's morning has passed).
    /// </summary>
    public void DeadLetteredWithDigest(string digestError, DateTimeOffset now)
    {
        var error = "The daily digest carrying it failed: " + digestError;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        LastAttemptAt = now;
        Status = DeliveryStatus.DeadLettered;
    }

    /// <summary>An admin sends a dead-lettered delivery again: it gets a fresh round of attempts, starting now.</summary>
    public bool Retry(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.DeadLettered)
            return false;
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        return true;
    }
}
