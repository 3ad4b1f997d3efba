using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using GoShop.Notifications.Preferences;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Types;

public sealed record NotificationPayload : Payload
{
    public Notification? Notification { get; init; }
}

public sealed class MarkNotificationReadPayloadType : PayloadType<NotificationPayload>
{
    public MarkNotificationReadPayloadType()
    {
        Name = "MarkNotificationReadPayload";
        Field<NotificationType, INotificationView>("notification").Description("The notification, now read; null when refused.")
            .Resolve(context => context.Source.Notification);
    }
}

public sealed record MarkAllNotificationsReadPayload : Payload
{
    public int MarkedCount { get; init; }
}

public sealed class MarkAllNotificationsReadPayloadType : PayloadType<MarkAllNotificationsReadPayload>
{
    public MarkAllNotificationsReadPayloadType()
    {
        Name = "MarkAllNotificationsReadPayload";
        Field(p => p.MarkedCount).Description("How many unread notifications were marked read.");
    }
}

public sealed record DeleteNotificationPayload : Payload
{
    public Guid? DeletedNotificationId { get; init; }
}

public sealed class DeleteNotificationPayloadType : PayloadType<DeleteNotificationPayload>
{
    public DeleteNotificationPayloadType()
    {
        Name = "DeleteNotificationPayload";
        Field<IdGraphType, Guid?>("deletedNotificationId").Description("The id of the deleted notification; null when refused.")
            .Resolve(context => context.Source.DeletedNotificationId);
    }
}

public sealed record SettingsPayload : Payload
{
    public SettingsView? Settings { get; init; }
}

public sealed class UpdateNotificationPreferencesPayloadType : PayloadType<SettingsPayload>
{
    public UpdateNotificationPreferencesPayloadType()
    {
        Name = "UpdateNotificationPreferencesPayload";
        Field<NotificationSettingsType, SettingsView>("settings").Description("The user's settings after the change; null when refused.")
            .Resolve(context => context.Source.Settings);
    }
}

public sealed record UnsubscribePayload : Payload
{
    public NotificationCategory? Category { get; init; }
}

public sealed class UnsubscribeEmailPayloadType : PayloadType<UnsubscribePayload>
{
    public UnsubscribeEmailPayloadType()
    {
        Name = "UnsubscribeEmailPayload";
        Field<NotificationCategoryType, NotificationCategory?>("category").Description("The category whose email was turned off; null when refused.")
            .Resolve(context => context.Source.Category);
    }
}

public sealed record TemplatePayload : Payload
{
    public TemplateView? Template { get; init; }
}

public sealed class CreateNotificationTemplatePayloadType : PayloadType<TemplatePayload>
{
    public CreateNotificationTemplatePayloadType()
    {
        Name = "CreateNotificationTemplatePayload";
        Field<NotificationTemplateType, TemplateView>("template").Description("The saved template, in use from now on; null when refused.")
            .Resolve(context => context.Source.Template);
    }
}

public sealed record DeliveryPayload : Payload
{
    public ChannelDelivery? Delivery { get; init; }
}

public sealed class RetryNotificationDeliveryPayloadType : PayloadType<DeliveryPayload>
{
    public RetryNotificationDeliveryPayloadType()
    {
        Name = "RetryNotificationDeliveryPayload";
        Field<NotificationDeliveryType, ChannelDelivery>("delivery").Description("The delivery, PENDING again and due now; null when refused.")
            .Resolve(context => context.Source.Delivery);
    }
}
