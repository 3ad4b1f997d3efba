using GoShop.Notifications.Domain;

namespace GoShop.Notifications.Inbox;

/// <summary>A notification as the API shows it: from the database (queries) or from its live message (the subscription).</summary>
public interface INotificationView
{
    Guid Id { get; }

    string Kind { get; }

    NotificationCategory Category { get; }

    string Title { get; }

    string Body { get; }

    string? Link { get; }

    DateTimeOffset? ReadAt { get; }

    DateTimeOffset CreatedAt { get; }
}

/// <summary>What a person's live topic carries the moment a notification reaches their inbox.</summary>
public sealed record LiveNotification(
    Guid Id,
    string Kind,
    NotificationCategory Category,
    string Title,
    string Body,
    string? Link,
    DateTimeOffset? ReadAt,
    DateTimeOffset CreatedAt) : INotificationView
{
    public static LiveNotification Of(Notification n) => new(n.Id, n.Kind, n.Category, n.Title, n.Body, n.Link, n.ReadAt, n.CreatedAt);
}

/// <summary>The topic of a person's live notifications (notificationReceived).</summary>
public static class NotificationTopics
{
    public static string Inbox(Guid userId) => $"notifications.inbox.{userId:N}";
}
