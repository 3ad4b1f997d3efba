namespace GoShop.Notifications.Domain;

/// <summary>
/// An admin's version of the template of one kind in one language; the newest one replaces the one shipped in the
/// repository (Templates/). Only validated templates are saved.
/// </summary>
public sealed class NotificationTemplate
{
    public const int MaxTitleLength = 500;
    public const int MaxBodyLength = 5000;

    private NotificationTemplate()
    {
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static NotificationTemplate Create(string kind, string language, string title, string body, Guid createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Language = language,
        Title = title,
        Body = body,
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}
