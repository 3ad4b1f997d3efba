using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Types;

/// <summary>A page of the inbox, and the inbox's unread count.</summary>
public sealed record NotificationPage(Connection<INotificationView> Page, Func<CancellationToken, Task<int>> CountUnread);

public sealed class NotificationConnectionType : ObjectGraphType<NotificationPage>
{
    public NotificationConnectionType()
    {
        Name = "NotificationConnection";
        Description = "A page of the signed-in user's notifications, newest first, with how many are unread.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<NotificationType, INotificationView>>>>, IReadOnlyList<Edge<INotificationView>>>("edges")
            .Description("This page's notifications, newest first, each with its cursor.")
            .Resolve(context => context.Source.Page.Edges);
        Field<NonNullGraphType<PageInfoType>, PageInfo>("pageInfo")
            .Description("Whether there are more pages, and the cursors to ask for the next one with.")
            .Resolve(context => context.Source.Page.PageInfo);
        Field<NonNullGraphType<IntGraphType>, int>("totalCount")
            .Description("How many notifications match (all, or the unread ones with unreadOnly), across all pages.")
            .ResolveAsync(async context => await context.Source.Page.CountTotal(context.CancellationToken));
        Field<NonNullGraphType<IntGraphType>, int>("unreadCount")
            .Description("How many of the user's notifications are unread, whatever the filter: the badge on the bell.")
            .ResolveAsync(async context => await context.Source.CountUnread(context.CancellationToken));
    }
}
