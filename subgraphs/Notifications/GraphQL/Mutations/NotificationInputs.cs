using System.ComponentModel;
using GoShop.Notifications.Domain;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Mutations;

[Description("Which notification.")]
public sealed record NotificationIdInput
{
    [Description("The notification's id; it must be one of the signed-in user's.")]
    public required Guid NotificationId { get; init; }
}

public sealed class MarkNotificationReadInputType : AutoRegisteringInputObjectGraphType<NotificationIdInput>
{
    public MarkNotificationReadInputType()
    {
        Name = "MarkNotificationReadInput";
        Description = "The notification to mark read.";
    }
}

public sealed class DeleteNotificationInputType : AutoRegisteringInputObjectGraphType<NotificationIdInput>
{
    public DeleteNotificationInputType()
    {
        Name = "DeleteNotificationInput";
        Description = "The notification to delete from the inbox.";
    }
}

[Description("Which unread notifications to mark read.")]
public sealed record MarkAllNotificationsReadInput
{
    [Description("Only this category's; leave it out for all of them.")]
    public NotificationCategory? Category { get; init; }
}

public sealed class MarkAllNotificationsReadInputType : AutoRegisteringInputObjectGraphType<MarkAllNotificationsReadInput>;

[Description("One category on one channel, switched on or off.")]
public sealed record NotificationPreferenceInput
{
    [Description("The category.")]
    public required NotificationCategory Category { get; init; }

    [Description("The channel.")]
    public required NotificationChannel Channel { get; init; }

    [Description("True to receive the category on the channel, false to stop.")]
    public required bool Enabled { get; init; }
}

public sealed class NotificationPreferenceInputType : AutoRegisteringInputObjectGraphType<NotificationPreferenceInput>;

[Description("A daily window in the user's time zone during which non-urgent email, push and SMS wait; both null to have none.")]
public sealed record QuietHoursInput
{
    [Description("Start, HH:mm local time (e.g. 22:00).")]
    public string? From { get; init; }

    [Description("End, HH:mm local time (e.g. 07:00); before from means the next morning.")]
    public string? Until { get; init; }
}

public sealed class QuietHoursInputType : AutoRegisteringInputObjectGraphType<QuietHoursInput>;

[Description("Changes to the signed-in user's notification settings; what is left out stays as it is.")]
public sealed record UpdateNotificationPreferencesInput
{
    [Description("Categories on channels to switch on or off (each pair at most once).")]
    public required IReadOnlyList<NotificationPreferenceInput> Preferences { get; init; }

    [Description("The language of notifications: vi or en.")]
    public string? Language { get; init; }

    [Description("The IANA time zone quiet hours are counted in, e.g. Asia/Ho_Chi_Minh.")]
    public string? TimeZone { get; init; }

    [Description("New quiet hours; both fields null removes them.")]
    public QuietHoursInput? QuietHours { get; init; }

    [Description("The categories to take as a daily digest (replacing the current list; empty for none): only PROMOTIONS and PRICE_ALERTS may.")]
    public IReadOnlyList<NotificationCategory>? DigestCategories { get; init; }
}

public sealed class UpdateNotificationPreferencesInputType : AutoRegisteringInputObjectGraphType<UpdateNotificationPreferencesInput>;

[Description("A template for one notification kind in one language, in Liquid: `{{ variable }}`, `{% if %}`, filters.")]
public sealed record CreateNotificationTemplateInput
{
    [Description("The notification kind, e.g. ORDER_CONFIRMED (notificationTemplate lists the variables it offers).")]
    public required string Kind { get; init; }

    [Description("vi or en.")]
    public required string Language { get; init; }

    [Description("The title's Liquid source, one line.")]
    public required string Title { get; init; }

    [Description("The body's Liquid source, plain text.")]
    public required string Body { get; init; }
}

public sealed class CreateNotificationTemplateInputType : AutoRegisteringInputObjectGraphType<CreateNotificationTemplateInput>;

[Description("Which dead-lettered delivery to send again.")]
public sealed record RetryNotificationDeliveryInput
{
    [Description("The delivery's id (deadLetteredNotificationDeliveries).")]
    public required Guid DeliveryId { get; init; }
}

public sealed class RetryNotificationDeliveryInputType : AutoRegisteringInputObjectGraphType<RetryNotificationDeliveryInput>;

[Description("The token of an unsubscribe link.")]
public sealed record UnsubscribeEmailInput
{
    [Description("The token query parameter of the link at the bottom of a marketing email.")]
    public required string Token { get; init; }
}

public sealed class UnsubscribeEmailInputType : AutoRegisteringInputObjectGraphType<UnsubscribeEmailInput>;
