using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Identity;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.Notifications.Events;

/// <summary>A new account: notifications learns where to reach the person, and welcomes them.</summary>
public sealed class WelcomeRegisteredUser(NotificationsDbContext db, NotificationInbox inbox, TimeProvider clock, ILogger<WelcomeRegisteredUser> logger)
    : IntegrationEventHandler<UserRegistered, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserRegistered message, CancellationToken cancellationToken)
    {
        var recipient = await Db.Recipients.FindAsync([message.UserId], cancellationToken);
        if (recipient is null)
        {
            recipient = Recipient.For(message.UserId, Clock.GetUtcNow());
            Db.Recipients.Add(recipient);
        }
        recipient.Identify(message.Email, message.FullName, Clock.GetUtcNow());
        await inbox.NotifyAsync(new NotificationRequest(message.UserId, NotificationKinds.Welcome, new Dictionary<string, object?>(), Links.Account,
            "welcome"), cancellationToken);
    }
}

/// <summary>A changed name or phone: the next messages use them.</summary>
public sealed class KeepRecipientProfile(NotificationsDbContext db, TimeProvider clock, ILogger<KeepRecipientProfile> logger)
    : IntegrationEventHandler<UserProfileUpdated, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserProfileUpdated message, CancellationToken cancellationToken)
    {
        var recipient = await Db.Recipients.FindAsync([message.UserId], cancellationToken);
        if (recipient is null)
        {
            recipient = Recipient.For(message.UserId, Clock.GetUtcNow());
            Db.Recipients.Add(recipient);
        }
        recipient.ChangeProfile(message.FullName, message.Phone, Clock.GetUtcNow());
    }
}

/// <summary>A deleted account: everything notifications kept about the person goes (address, preferences, push devices, inbox, delivery log, digests).</summary>
public sealed class ForgetDeletedUser(NotificationsDbContext db, TimeProvider clock, ILogger<ForgetDeletedUser> logger)
    : IntegrationEventHandler<UserDeleted, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(UserDeleted message, CancellationToken cancellationToken)
    {
        var userId = message.UserId;
        await Db.Deliveries.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.Digests.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.Preferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.PushDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await Db.Recipients.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
