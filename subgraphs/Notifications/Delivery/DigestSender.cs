using System.Globalization;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Hosting;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Push;
using GoShop.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Delivery;

/// <summary>
/// Sends the daily digests that are due: each is claimed under its row lock (<c>SKIP LOCKED</c>: another instance, or a
/// round still running, passes it by), rendered from the shipped DIGEST template in the person's language with the
/// notifications waiting for it, sent by email or web push, and marked sent with them in the same transaction, so a
/// restart or a second instance finds nothing left to send. Failures are retried with the deliveries' backoff, then
/// dead-lettered, and the notifications it carried with it: they join the admins' dead-letter list one by one, where a
/// retry sends each on its own.
/// </summary>
public sealed class DigestSender(IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DigestSender> logger)
    : PeriodicSweeper(clock, logger)
{
    private const string AllNotificationsLink = "/notifications";

    protected override TimeSpan Interval => options.Value.Digest.PollInterval;

    protected override string Subject => "notification digests";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        while (await SendDueAsync(cancellationToken) == options.Value.Digest.BatchSize)
        {
        }
    }

    /// <summary>Sends one batch of the digests due now; answers how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var email = scope.ServiceProvider.GetRequiredService<EmailChannel>();
        var push = scope.ServiceProvider.GetRequiredService<PushChannel>();
        var renderer = scope.ServiceProvider.GetRequiredService<TemplateRenderer>();
        var delivery = options.Value.Delivery;
        var now = Clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Digests.FromSql(
            $"""
            SELECT * FROM notification_digests
            WHERE status = 'Pending' AND next_attempt_at <= {now}
            ORDER BY next_attempt_at
            LIMIT {options.Value.Digest.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        foreach (var digest in due)
        {
            var carried = await db.Deliveries
                .Where(d => d.UserId == digest.UserId && d.Channel == digest.Channel && d.DigestDay == digest.Day && d.Status == DeliveryStatus.InDigest)
                .Join(db.Notifications.Where(n => n.Category == digest.Category), d => d.NotificationId, n => n.Id, (d, n) => new { Delivery = d, Notification = n })
                .OrderBy(x => x.Notification.Id)
                .ToListAsync(cancellationToken);
            try
            {
                if (carried.Count > 0)
                {
                    var recipient = await db.Recipients.AsNoTracking().SingleAsync(r => r.UserId == digest.UserId, cancellationToken);
                    var message = await RenderAsync(renderer, digest, recipient, carried.Select(x => x.Notification).ToList());
                    if (digest.Channel == NotificationChannel.Push)
                    {
                        await push.SendAsync(db, digest.UserId, new PushMessage(digest.Id, "DIGEST", message.Title, message.Body, AllNotificationsLink), false,
                            digest.AcceptedDevices, digest.Accepted, cancellationToken);
                    }
                    else
                    {
                        if (recipient.Email is null)
                            throw new InvalidOperationException("The recipient has no email address.");
                        await email.SendDigestAsync(message, digest.Category, recipient, cancellationToken);
                    }
                }
                var sentAt = Clock.GetUtcNow();
                digest.Succeed(carried.Count, sentAt);
                foreach (var item in carried)
                    item.Delivery.SentInDigest(sentAt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failedAt = Clock.GetUtcNow();
                digest.Fail($"{ex.GetType().Name}: {ex.Message}", failedAt, delivery.MaxAttempts, delivery.Backoff);
                if (digest.Status == DeliveryStatus.DeadLettered)
                {
                    // What it carried goes to the admins' dead-letter list, one delivery each, to be looked into and retried.
                    foreach (var item in carried)
                        item.Delivery.DeadLetteredWithDigest(digest.LastError!, failedAt);
                }
                Logger.LogWarning("{Channel} digest {DigestId} failed (attempt {Attempt}, now {Status}): {Error}",
                    digest.Channel, digest.Id, digest.Attempts, digest.Status, ex.Message);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task<RenderedMessage> RenderAsync(TemplateRenderer renderer, NotificationDigest digest, Recipient recipient, IReadOnlyList<Notification> notifications)
    {
        var (title, body) = TemplateRenderer.Shipped("DIGEST", recipient.Language);
        var baseUrl = options.Value.AppBaseUrl.TrimEnd('/');
        var english = recipient.Language == "en";
        return await renderer.RenderAsync(title, body, new Dictionary<string, object?>
        {
            ["recipient_name"] = recipient.FullName ?? (english ? "there" : "bạn"),
            ["category"] = digest.Category.ToContractName(),
            ["count"] = notifications.Count,
            ["day"] = digest.Day.ToString(english ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["items"] = notifications.Select(n => new Dictionary<string, object>
            {
                ["title"] = n.Title,
                ["body"] = n.Body,
                ["link"] = n.Link is null ? "" : baseUrl + n.Link,
            }).ToList(),
        });
    }
}
