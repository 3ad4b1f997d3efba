using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Notifications.Data;
using GoShop.Notifications.Delivery;
using GoShop.Notifications.Domain;
using GoShop.Notifications.GraphQL.Types;
using GoShop.Notifications.Preferences;
using GoShop.Notifications.Templates;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Notifications.GraphQL.Mutations;

/// <summary>The inbox, settings, templates and dead-letter mutations.</summary>
public sealed class NotificationMutations(
    NotificationsDbContext db,
    NotificationSettings settings,
    NotificationTemplates templates,
    UnsubscribeLinks unsubscribeLinks,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MarkNotificationReadPayloadType>, NotificationPayload>("markNotificationRead")
            .Description("Marks one of the signed-in user's notifications read (reading it again keeps the first time). Another user's notification " +
                "is not found. userErrors: NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<MarkNotificationReadInputType>>("input", "The notification to mark read.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().MarkReadAsync(context.GetArgument<NotificationIdInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<MarkAllNotificationsReadPayloadType>, MarkAllNotificationsReadPayload>("markAllNotificationsRead")
            .Description("Marks every unread notification of the signed-in user read, or those of one category. userErrors: none.")
            .Authorize()
            .Argument<NonNullGraphType<MarkAllNotificationsReadInputType>>("input", "Which notifications: all, or one category's.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().MarkAllReadAsync(context.GetArgument<MarkAllNotificationsReadInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<DeleteNotificationPayloadType>, DeleteNotificationPayload>("deleteNotification")
            .Description("Deletes one of the signed-in user's notifications from the inbox, with its delivery log. Another user's notification is " +
                "not found. userErrors: NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteNotificationInputType>>("input", "The notification to delete.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().DeleteAsync(context.GetArgument<NotificationIdInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<UpdateNotificationPreferencesPayloadType>, SettingsPayload>("updateNotificationPreferences")
            .Description("Switches categories on or off per channel and sets the language, time zone, quiet hours and daily digests of the " +
                "signed-in user's notifications; all of it or nothing. IN_APP cannot be switched off for ORDERS, PAYMENTS, SHIPPING, ACCOUNT and " +
                "SELLING; only PROMOTIONS and PRICE_ALERTS can be a digest. " +
                "userErrors: IN_APP_REQUIRED, DUPLICATE_PREFERENCE, UNSUPPORTED_LANGUAGE, UNKNOWN_TIME_ZONE, INVALID_QUIET_HOURS, DIGEST_NOT_OFFERED.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateNotificationPreferencesInputType>>("input", "The changes.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().UpdatePreferencesAsync(
                context.GetArgument<UpdateNotificationPreferencesInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<UnsubscribeEmailPayloadType>, UnsubscribePayload>("unsubscribeEmail")
            .Description("Turns off the email of one category for the person an unsubscribe link was made for (the link at the bottom of marketing " +
                "email); needs no sign-in, the token is signed. userErrors: INVALID_TOKEN.")
            .Argument<NonNullGraphType<UnsubscribeEmailInputType>>("input", "The link's token.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().UnsubscribeAsync(context.GetArgument<UnsubscribeEmailInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<CreateNotificationTemplatePayloadType>, TemplatePayload>("createNotificationTemplate")
            .Description("Saves an admin's Liquid template for a kind in a language; it replaces the one in use for notifications made from then on. " +
                "It must parse and use only the kind's variables (try it first with notificationTemplatePreview). Admins only. " +
                "userErrors: REQUIRED, TOO_LONG, UNKNOWN_KIND, UNSUPPORTED_LANGUAGE, TEMPLATE_PARSE_ERROR, UNKNOWN_VARIABLE.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<CreateNotificationTemplateInputType>>("input", "The template.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().CreateTemplateAsync(
                context.GetArgument<CreateNotificationTemplateInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<RetryNotificationDeliveryPayloadType>, DeliveryPayload>("retryNotificationDelivery")
            .Description("Sends a dead-lettered delivery again, with a fresh round of attempts starting now. Admins only. " +
                "userErrors: NOT_FOUND, NOT_DEAD_LETTERED.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<RetryNotificationDeliveryInputType>>("input", "The delivery.")
            .ResolveAsync(async context => await context.Service<NotificationMutations>().RetryDeliveryAsync(
                context.GetArgument<RetryNotificationDeliveryInput>("input"), context.CancellationToken));
    }

    public async Task<NotificationPayload> MarkReadAsync(NotificationIdInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == input.NotificationId && n.UserId == userId && n.InInbox, cancellationToken);
        if (notification is null)
            return Fail<NotificationPayload>(NotificationErrors.NotFound);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new NotificationPayload { Notification = notification };
    }

    public async Task<MarkAllNotificationsReadPayload> MarkAllReadAsync(MarkAllNotificationsReadInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var unread = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (input.Category is { } category)
            unread = unread.Where(n => n.Category == category);
        var marked = await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new MarkAllNotificationsReadPayload { MarkedCount = marked };
    }

    public async Task<DeleteNotificationPayload> DeleteAsync(NotificationIdInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var deleted = await db.Notifications.Where(n => n.Id == input.NotificationId && n.UserId == userId && n.InInbox).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0
            ? Fail<DeleteNotificationPayload>(NotificationErrors.NotFound)
            : new DeleteNotificationPayload { DeletedNotificationId = input.NotificationId };
    }

    public async Task<SettingsPayload> UpdatePreferencesAsync(UpdateNotificationPreferencesInput input, CancellationToken cancellationToken)
    {
        var change = new SettingsChange(
            input.Preferences.Select(p => (p.Category, p.Channel, p.Enabled)).ToList(),
            input.Language?.Trim(),
            input.TimeZone?.Trim(),
            input.QuietHours is not null,
            input.QuietHours?.From?.Trim(),
            input.QuietHours?.Until?.Trim(),
            input.DigestCategories);
        var errors = NotificationSettings.Check(change, out _, out _);
        if (errors.Count > 0)
            return Fail<SettingsPayload>(errors);
        var changed = await settings.ChangeAsync(currentUser.RequireId(), change, cancellationToken);
        return changed.Succeeded ? new SettingsPayload { Settings = changed.Value } : Fail<SettingsPayload>(changed.Error);
    }

    public async Task<UnsubscribePayload> UnsubscribeAsync(UnsubscribeEmailInput input, CancellationToken cancellationToken)
    {
        if (unsubscribeLinks.Read(input.Token.Trim()) is not var (userId, category))
            return Fail<UnsubscribePayload>(NotificationErrors.InvalidUnsubscribeToken);
        var changed = await settings.ChangeAsync(userId, new SettingsChange([(category, NotificationChannel.Email, false)], null, null, false, null, null),
            cancellationToken);
        return changed.Succeeded ? new UnsubscribePayload { Category = category } : Fail<UnsubscribePayload>(changed.Error);
    }

    public Task<TemplatePayload> CreateTemplateAsync(CreateNotificationTemplateInput input, CancellationToken cancellationToken) =>
        templates.CreateAsync(input, currentUser.RequireId(), cancellationToken);

    public async Task<DeliveryPayload> RetryDeliveryAsync(RetryNotificationDeliveryInput input, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == input.DeliveryId, cancellationToken);
        if (delivery is null)
            return Fail<DeliveryPayload>(NotificationErrors.DeliveryNotFound);
        if (!delivery.Retry(clock.GetUtcNow()))
            return Fail<DeliveryPayload>(NotificationErrors.NotDeadLettered);
        await db.SaveChangesAsync(cancellationToken);
        return new DeliveryPayload { Delivery = delivery };
    }
}
