using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.GraphQL.Mutations;
using GoShop.Notifications.GraphQL.Types;
using GoShop.Notifications.Inbox;
using GoShop.Notifications.Preferences;
using GoShop.Notifications.Push;
using GoShop.Notifications.Templates;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.GraphQL.Queries;

/// <summary>notifications, notificationPreferences, and the admins' notificationTemplate, notificationTemplatePreview and deadLetteredNotificationDeliveries.</summary>
public static class NotificationQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<NotificationConnectionType>, NotificationPage>("notifications")
            .Description("The signed-in user's inbox, newest first, with its unread count. Notifications are kept 90 days. Needs a signed-in user.")
            .Authorize()
            .Argument<BooleanGraphType>("unreadOnly", "Only the unread ones (default false).")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var userId = context.Service<ICurrentUser>().RequireId();
                var db = context.Service<NotificationsDbContext>();
                var inbox = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.InInbox);
                var listed = context.GetArgument<bool?>("unreadOnly") == true ? inbox.Where(n => n.ReadAt == null) : inbox;
                var connection = await listed.ToConnectionByIdAsync(n => n.Id, page, newestFirst: true, context.CancellationToken);
                var views = new Connection<INotificationView>(
                    connection.Edges.Select(e => new Edge<INotificationView>(e.Cursor, e.Node)).ToList(), connection.PageInfo, connection.CountTotal);
                return new NotificationPage(views, ct => inbox.CountAsync(n => n.ReadAt == null, ct));
            });

        query.Field<NonNullGraphType<NotificationSettingsType>, SettingsView>("notificationPreferences")
            .Description("How the signed-in user wants to hear from GoShop: every category on every channel, language, time zone and quiet hours. " +
                "Needs a signed-in user.")
            .Authorize()
            .ResolveAsync(async context => await context.Service<NotificationSettings>().ReadAsync(context.Service<ICurrentUser>().RequireId(), context.CancellationToken));

        query.Field<StringGraphType, string?>("webPushPublicKey")
            .Description("The applicationServerKey to subscribe browsers with (pushManager.subscribe), base64url; null when this server has no " +
                "VAPID keys and web push is off. Anyone may read it.")
            .Resolve(context => context.Service<VapidKeys>().PublicKey);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushDeviceType>>>, List<PushDevice>>("myPushDevices")
            .Description("The browsers the signed-in user registered for web push, oldest first. Needs a signed-in user.")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var userId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<NotificationsDbContext>().PushDevices.AsNoTracking().Where(d => d.UserId == userId)
                    .OrderBy(d => d.Id).ToListAsync(context.CancellationToken);
            });

        query.Field<NotificationTemplateType, TemplateView>("notificationTemplate")
            .Description("The template in use for a notification kind in a language (an admin's version, or the shipped one); null for an unknown " +
                "kind or language. Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<StringGraphType>>("kind", "The notification kind, e.g. ORDER_CONFIRMED.")
            .Argument<NonNullGraphType<StringGraphType>>("language", "vi or en.")
            .ResolveAsync(async context => await context.Service<NotificationTemplates>().FindAsync(
                context.GetArgument<string>("kind"), context.GetArgument<string>("language"), context.CancellationToken));

        query.Field<NonNullGraphType<NotificationTemplatePreviewType>, TemplatePreview>("notificationTemplatePreview")
            .Description("Renders a template with sample values without saving it, or says why createNotificationTemplate would refuse it. Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<CreateNotificationTemplateInputType>>("input", "The template to try, as createNotificationTemplate takes it.")
            .ResolveAsync(async context => await context.Service<NotificationTemplates>().PreviewAsync(
                context.GetArgument<CreateNotificationTemplateInput>("input"), context.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<NotificationDeliveryType, ChannelDelivery>>, Connection<ChannelDelivery>>("deadLetteredNotificationDeliveries")
            .Description("Deliveries whose every attempt failed, newest first, to look into and retry (retryNotificationDelivery). Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .PageArguments()
            .ResolveAsync(async context => await context.Service<NotificationsDbContext>().Deliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.DeadLettered)
                .ToConnectionByIdAsync(d => d.Id, context.Page(), newestFirst: true, context.CancellationToken));
    }
}
