using GoShop.BuildingBlocks.Domain;
using GoShop.Notifications.Inbox;

namespace GoShop.Notifications.Domain;

/// <summary>
/// One message in a person's inbox, rendered in their language when it was made. <see cref="DedupeKey"/> names the event
/// it came from: one notification per event per person, however often the event arrives.
/// </summary>
public sealed class Notification : INotificationView
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;

    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Kind { get; private set; } = "";

    public NotificationCategory Category { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>Where in the app it points: <c>/orders/{id}</c>, <c>/products/{id}</c>, ...</summary>
    public string? Link { get; private set; }

    public string DedupeKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>
    /// False when the person turned the category off in the app but not on another channel: the notification exists
    /// only as the anchor of its email, and never shows in the inbox.
    /// </summary>
    public bool InInbox { get; private set; }

    public static Notification Create(Guid userId, NotificationKind kind, RenderedMessage message, string? link, string dedupeKey, bool inInbox,
        DateTimeOffset now) => new()
    {
        Id = MonotonicUuid.NewV7(),
        UserId = userId,
        Kind = kind.Name,
        Category = kind.Category,
        Title = Truncate(message.Title, MaxTitleLength),
        Body = Truncate(message.Body, MaxBodyLength),
        Link = link,
        DedupeKey = dedupeKey,
        InInbox = inInbox,
        CreatedAt = now,
    };

    /// <summary>Marks it read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A template rendered for one person: the title and the plain-text body.</summary>
public sealed record RenderedMessage(string Title, string Body);
