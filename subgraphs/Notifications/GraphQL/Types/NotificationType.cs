using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Notifications.Domain;
using GoShop.Notifications.GraphQL.Loaders;
using GoShop.Notifications.Inbox;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Types;

public sealed class NotificationType : ObjectGraphType<INotificationView>
{
    public NotificationType()
    {
        Name = "Notification";
        Description = "A message in the signed-in user's inbox: what happened, in their language, and where to look at it.";
        Field("id", n => n.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The notification's id (markNotificationRead, deleteNotification).");
        Field(n => n.Kind).Description("What happened, as a stable UPPER_SNAKE name (ORDER_CONFIRMED, PAYMENT_FAILED, PRICE_ALERT, LOW_STOCK, ...): " +
            "pick an icon by it.");
        Field<NonNullGraphType<NotificationCategoryType>, NotificationCategory>("category").Description("The category the kind belongs to.")
            .Resolve(context => context.Source.Category);
        Field(n => n.Title).Description("One line to show in bold, rendered in the user's language.");
        Field(n => n.Body).Description("The message itself, plain text, in the user's language.");
        Field(n => n.Link, nullable: true).Description("The app path it is about (/orders/{id}, /products/{id}, /reviews/{id}, /shipments/{id}, ...); " +
            "null when it points nowhere.");
        Field(n => n.ReadAt, nullable: true).Description("When the user read it; null while unread.");
        Field(n => n.CreatedAt).Description("When it was made (notifications are kept 90 days).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationDeliveryType>>>, IDataLoaderResult<IReadOnlyList<ChannelDelivery>?>>("deliveries")
            .Description("Its delivery log outside the app: one entry per channel it was sent on (EMAIL), with the attempts and their outcome; " +
                "empty when it went to the inbox only.")
            .Resolve(context => context.Loader<DeliveriesByNotificationLoader>().Load(context.Source.Id));
    }
}

public sealed class NotificationDeliveryType : ObjectGraphType<ChannelDelivery>
{
    public NotificationDeliveryType()
    {
        Name = "NotificationDelivery";
        Description = "A notification's delivery through one channel other than the app: its status and the log of its attempts.";
        Field("id", d => d.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The delivery's id (retryNotificationDelivery).");
        Field("notificationId", d => d.NotificationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The notification delivered.");
        Field("userId", d => d.UserId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person it is for.");
        Field<NonNullGraphType<NotificationChannelType>, NotificationChannel>("channel").Description("The channel: EMAIL today.")
            .Resolve(context => context.Source.Channel);
        Field<NonNullGraphType<DeliveryStatusType>, DeliveryStatus>("status").Description("PENDING, SENT or DEAD_LETTERED.")
            .Resolve(context => context.Source.Status);
        Field(d => d.Attempts).Description("How many times sending was tried (since an admin's last retry).");
        Field(d => d.NextAttemptAt).Description("When a PENDING delivery is tried next: at once, after a failed attempt's backoff, or at the end of the " +
            "recipient's quiet hours.");
        Field(d => d.LastAttemptAt, nullable: true).Description("When it was last tried; null before the first attempt.");
        Field(d => d.LastError, nullable: true).Description("Why the last attempt failed; null when it did not.");
        Field(d => d.SentAt, nullable: true).Description("When the channel accepted it; null until then.");
        Field(d => d.CreatedAt).Description("When the delivery was planned.");
    }
}
