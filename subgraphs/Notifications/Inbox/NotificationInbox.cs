using System.Globalization;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Push;
using GoShop.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Inbox;

/// <summary>What one event means for one person: the kind, its template values, the link and the key of the event.</summary>
public sealed record NotificationRequest(Guid UserId, NotificationKind Kind, IReadOnlyDictionary<string, object?> Values, string? Link, string DedupeKey);

/// <summary>
/// Makes the notifications of an event (inside the event handler's unit of work): renders the kind's template in the
/// person's language, puts it in their inbox (unless they turned the category off in the app, which only optional
/// categories allow), plans its email, web push and (urgent kinds only) SMS per their preferences (at once for urgent kinds, after their quiet hours
/// otherwise) and announces it on their live topic once committed. An event already turned into a notification for the
/// person (its dedupe key) makes nothing more. A marketing category the person takes as a daily digest joins that day's
/// digest instead of going out by email and push on its own.
/// </summary>
public sealed class NotificationInbox(NotificationsDbContext db, TemplateRenderer renderer, VapidKeys vapid, IOptions<NotificationsOptions> options,
    TimeProvider clock)
{
    public async Task NotifyAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        var (userId, kind) = (request.UserId, request.Kind);
        if (db.Notifications.Local.Any(n => n.UserId == userId && n.DedupeKey == request.DedupeKey)
            || await db.Notifications.AnyAsync(n => n.UserId == userId && n.DedupeKey == request.DedupeKey, cancellationToken))
            return;
        var recipient = await db.Recipients.FindAsync([userId], cancellationToken);
        var switches = await db.Preferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Category == kind.Category)
            .ToDictionaryAsync(p => p.Channel, p => p.Enabled, cancellationToken);
        bool On(NotificationChannel channel) => switches.GetValueOrDefault(channel, true);

        var inInbox = NotificationKinds.InAppRequired(kind.Category) || On(NotificationChannel.InApp);
        var byEmail = On(NotificationChannel.Email) && !string.IsNullOrEmpty(recipient?.Email);
        var byPush = On(NotificationChannel.Push) && vapid.Enabled && await db.PushDevices.AnyAsync(d => d.UserId == userId, cancellationToken);
        // SMS costs money and wakes people: only urgent kinds (a failed payment or delivery) go by text.
        var bySms = kind.Urgent && On(NotificationChannel.Sms) && !string.IsNullOrEmpty(recipient?.Phone);
        if (!inInbox && !byEmail && !byPush && !bySms)
            return;

        var language = recipient?.Language ?? Recipient.DefaultLanguage;
        var (title, body) = await TemplateOfAsync(kind, language, cancellationToken);
        var values = new Dictionary<string, object?>(request.Values)
        {
            ["recipient_name"] = recipient?.FullName ?? (language == "en" ? "there" : "bạn"),
        };
        var now = clock.GetUtcNow();
        var notification = Notification.Create(userId, kind, await renderer.RenderAsync(title, body, values), request.Link, request.DedupeKey, inInbox, now);
        db.Notifications.Add(notification);
        var sendAt = kind.Urgent || recipient is null ? now : recipient.ReleaseTime(now);
        var digest = !kind.Urgent && recipient is not null && recipient.DigestCategories.Contains(kind.Category);
        foreach (var channel in new[] { (NotificationChannel.Email, byEmail), (NotificationChannel.Push, byPush) }.Where(c => c.Item2).Select(c => c.Item1))
        {
            if (!digest)
            {
                db.Deliveries.Add(ChannelDelivery.Plan(notification, channel, sendAt, now));
                continue;
            }
            var day = recipient!.LocalDay(now);
            var dueAt = recipient.DigestDueAt(day, options.Value.Digest.SendAt);
            db.Deliveries.Add(ChannelDelivery.PlanInDigest(notification, channel, day, dueAt, now));
            await OpenDigestAsync(userId, kind.Category, channel, day, dueAt, now, cancellationToken);
        }
        if (bySms)
            db.Deliveries.Add(ChannelDelivery.Plan(notification, NotificationChannel.Sms, sendAt, now));
        if (inInbox)
            db.AnnounceLive(NotificationTopics.Inbox(userId), LiveNotification.Of(notification));
    }

    /// <summary>
    /// Makes the person's digest of the day for the category and channel unless it exists: an insert that yields to one
    /// made first (by this instance or another), so there is one digest per day however the events are spread.
    /// </summary>
    private async Task OpenDigestAsync(Guid userId, NotificationCategory category, NotificationChannel channel, DateOnly day, DateTimeOffset dueAt,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO notification_digests (id, user_id, category, channel, day, status, attempts, next_attempt_at, created_at, notification_count, accepted_devices)
            VALUES ({Guid.CreateVersion7(now)}, {userId}, {category.ToString()}, {channel.ToString()}, {day}, 'Pending', 0, {dueAt}, {now}, 0, ARRAY[]::uuid[])
            ON CONFLICT (user_id, category, channel, day) DO NOTHING
            """, cancellationToken);

    /// <summary>The newest admin version of the kind's template in the language, or the shipped one.</summary>
    private async Task<(string Title, string Body)> TemplateOfAsync(NotificationKind kind, string language, CancellationToken cancellationToken)
    {
        var custom = await db.Templates.AsNoTracking()
            .Where(t => t.Kind == kind.Name && t.Language == language)
            .OrderByDescending(t => t.Id)
            .Select(t => new { t.Title, t.Body })
            .FirstOrDefaultAsync(cancellationToken);
        return custom is null ? TemplateRenderer.Shipped(kind, language) : (custom.Title, custom.Body);
    }

    /// <summary>An amount as the templates show it: digits grouped by thousands, no trailing zeros (250,000; 12.5).</summary>
    public static string Amount(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);
}
