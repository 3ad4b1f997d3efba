using GoShop.BuildingBlocks.Domain;

namespace GoShop.Notifications.Domain;

/// <summary>The expected failures of the notifications domain, with their stable codes.</summary>
public static class NotificationErrors
{
    public static DomainError NotFound { get; } = new("NOT_FOUND", "You have no notification with this id.", "notificationId");

    public static DomainError UnknownKind(string kind) => new("UNKNOWN_KIND", $"There is no notification kind {kind}.", "kind");

    public static DomainError UnsupportedLanguage(string language) =>
        new("UNSUPPORTED_LANGUAGE", $"Templates are written in {string.Join(" or ", Recipient.Languages)}, not {language}.", "language");

    public static DomainError TemplateParseError(string field, string detail) =>
        new("TEMPLATE_PARSE_ERROR", $"The {field} is not a valid Liquid template: {detail}", field);

    public static DomainError UnknownVariable(string field, string name, IEnumerable<string> offered) =>
        new("UNKNOWN_VARIABLE", $"The {field} uses {{{{ {name} }}}}, which this kind does not offer; it offers {string.Join(", ", offered)}.", field);

    public static DomainError InAppRequired(NotificationCategory category) =>
        new("IN_APP_REQUIRED", $"{category.ToContractName()} notifications are about your orders, money or account: they always reach your inbox " +
            "(email, push and SMS can be turned off).", "preferences");

    public static DomainError DigestNotOffered(NotificationCategory category) =>
        new("DIGEST_NOT_OFFERED", $"{category.ToContractName()} notifications go out as they happen; only PROMOTIONS and PRICE_ALERTS can come as a daily digest.",
            "digestCategories");

    public static DomainError UnknownTimeZone(string zone) => new("UNKNOWN_TIME_ZONE", $"{zone} is not an IANA time zone (e.g. Asia/Ho_Chi_Minh).", "timeZone");

    public static DomainError InvalidQuietHours { get; } =
        new("INVALID_QUIET_HOURS", "Quiet hours need both a start and an end, as HH:mm (e.g. 22:00 and 07:00), and they must differ.", "quietHours");

    public static DomainError DuplicatePreference(NotificationCategory category, NotificationChannel channel) =>
        new("DUPLICATE_PREFERENCE", $"{category.ToContractName()} on {channel.ToContractName()} is listed twice.", "preferences");

    public static DomainError DeliveryNotFound { get; } = new("NOT_FOUND", "No delivery with this id exists.", "deliveryId");

    public static DomainError NotDeadLettered { get; } =
        new("NOT_DEAD_LETTERED", "Only a dead-lettered delivery can be retried; this one is still pending or was sent.", "deliveryId");

    public static DomainError InvalidUnsubscribeToken { get; } =
        new("INVALID_TOKEN", "This unsubscribe link is not valid (it may have been altered).", "token");
}
