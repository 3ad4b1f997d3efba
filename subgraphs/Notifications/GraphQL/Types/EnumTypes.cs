using GoShop.Notifications.Domain;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Types;

public sealed class NotificationCategoryType : EnumerationGraphType<NotificationCategory>
{
    public NotificationCategoryType()
    {
        Name = "NotificationCategory";
        Description = "What a notification is about; people switch notifications on and off per category and channel.";
    }
}

public sealed class NotificationChannelType : EnumerationGraphType<NotificationChannel>
{
    public NotificationChannelType()
    {
        Name = "NotificationChannel";
        Description = "How a notification reaches a person: in the app, by email, web push or SMS.";
    }
}

public sealed class DeliveryStatusType : EnumerationGraphType<DeliveryStatus>
{
    public DeliveryStatusType()
    {
        Name = "NotificationDeliveryStatus";
        Description = "Where a notification's delivery through one channel stands: PENDING → SENT, or DEAD_LETTERED after its last failed attempt.";
    }
}
