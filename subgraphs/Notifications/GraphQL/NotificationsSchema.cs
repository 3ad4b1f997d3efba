using GoShop.Notifications.Domain;
using GoShop.Notifications.GraphQL.Mutations;
using GoShop.Notifications.GraphQL.Queries;
using GoShop.Notifications.GraphQL.Subscriptions;
using GoShop.Notifications.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL;

public sealed class NotificationsSchema : Schema
{
    public NotificationsSchema(IServiceProvider services, NotificationsQuery query, NotificationsMutation mutation, NotificationsSubscription subscription)
        : base(services)
    {
        Description = "GoShop notifications: an in-app inbox with a live feed, email, preferences per category and channel, and templates.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // The CLR enums of input fields map to these graph types rather than to auto-generated ones of the same name.
        this.RegisterTypeMapping<NotificationCategory, NotificationCategoryType>();
        this.RegisterTypeMapping<NotificationChannel, NotificationChannelType>();
        this.RegisterTypeMapping<DeliveryStatus, DeliveryStatusType>();
        this.RegisterTypeMapping<NotificationPreferenceInput, NotificationPreferenceInputType>();
        this.RegisterTypeMapping<QuietHoursInput, QuietHoursInputType>();
    }
}

public sealed class NotificationsQuery : ObjectGraphType
{
    public NotificationsQuery()
    {
        Name = "Query";
        NotificationQueries.AddTo(this);
    }
}

public sealed class NotificationsMutation : ObjectGraphType
{
    public NotificationsMutation()
    {
        Name = "Mutation";
        NotificationMutations.AddTo(this);
        PushMutations.AddTo(this);
    }
}

public sealed class NotificationsSubscription : ObjectGraphType
{
    public NotificationsSubscription()
    {
        Name = "Subscription";
        NotificationSubscriptions.AddTo(this);
    }
}
