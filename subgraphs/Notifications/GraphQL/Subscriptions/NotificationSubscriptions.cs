using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.Notifications.GraphQL.Types;
using GoShop.Notifications.Inbox;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Subscriptions;

/// <summary>notificationReceived, over the signed-in user's topic (<see cref="NotificationTopics"/>).</summary>
public static class NotificationSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<NotificationType>, INotificationView>("notificationReceived")
            .Description("Each notification the moment it reaches the signed-in user's inbox (the bell's live feed; categories switched off in the " +
                "app do not arrive). Needs a signed-in user.")
            .Authorize()
            .ResolveStreamAsync(async context =>
            {
                var userId = Viewer.Of(context).UserId ?? context.Service<ICurrentUser>().RequireId();
                var live = await context.Service<ITopicBus>().ObserveAsync<LiveNotification>(NotificationTopics.Inbox(userId), context.CancellationToken);
                return new Views(live);
            });
    }

    /// <summary>The live messages as the Notification type reads them.</summary>
    private sealed class Views(IObservable<LiveNotification> live) : IObservable<INotificationView>
    {
        public IDisposable Subscribe(IObserver<INotificationView> observer) => live.Subscribe(new Forward(observer));

        private sealed class Forward(IObserver<INotificationView> observer) : IObserver<LiveNotification>
        {
            public void OnCompleted() => observer.OnCompleted();

            public void OnError(Exception error) => observer.OnError(error);

            public void OnNext(LiveNotification value) => observer.OnNext(value);
        }
    }
}
