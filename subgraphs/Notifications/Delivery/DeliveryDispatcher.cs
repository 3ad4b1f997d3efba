using GoShop.BuildingBlocks.Hosting;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Push;
using GoShop.Notifications.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Delivery;

/// <summary>
/// Sends the due deliveries (email, web push, SMS), a batch per round: each is claimed under its row lock (<c>SKIP LOCKED</c>, so
/// several instances share the work and none sends one twice), sent, and its outcome logged on it. A failure is tried
/// again after a backoff that doubles per attempt; after the last attempt the delivery is dead-lettered for an admin to
/// retry.
/// </summary>
public sealed class DeliveryDispatcher(IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliveryDispatcher> logger)
    : PeriodicSweeper(clock, logger)
{
    private DeliveryOptions Options => options.Value.Delivery;

    protected override TimeSpan Interval => Options.PollInterval;

    protected override string Subject => "notification deliveries";

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        while (await DispatchDueAsync(cancellationToken) == Options.BatchSize)
        {
        }
    }

    /// <summary>Sends one batch of the deliveries due now; answers how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var email = scope.ServiceProvider.GetRequiredService<EmailChannel>();
        var push = scope.ServiceProvider.GetRequiredService<PushChannel>();
        var sms = scope.ServiceProvider.GetRequiredService<SmsChannel>();
        var now = Clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Deliveries.FromSql(
            $"""
            SELECT * FROM channel_deliveries
            WHERE status = 'Pending' AND next_attempt_at <= {now}
            ORDER BY next_attempt_at
            LIMIT {Options.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
            return 0;
        var notificationIds = due.Select(d => d.NotificationId).ToList();
        var notifications = await db.Notifications.AsNoTracking().Where(n => notificationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var userIds = due.Select(d => d.UserId).Distinct().ToList();
        var recipients = await db.Recipients.AsNoTracking().Where(r => userIds.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId, cancellationToken);
        foreach (var delivery in due)
        {
            try
            {
                var notification = notifications[delivery.NotificationId];
                if (delivery.Channel == NotificationChannel.Push)
                {
                    await push.SendAsync(db, delivery.UserId, PushMessage.Of(notification), NotificationKinds.Find(notification.Kind)?.Urgent == true,
                        delivery.AcceptedDevices, delivery.Accepted, cancellationToken);
                }
                else if (delivery.Channel == NotificationChannel.Sms)
                {
                    var phone = recipients.GetValueOrDefault(delivery.UserId)?.Phone
                        ?? throw new InvalidOperationException("The recipient has no phone number.");
                    await sms.SendAsync(notification, phone, cancellationToken);
                }
                else
                {
                    var recipient = recipients.GetValueOrDefault(delivery.UserId);
                    if (recipient?.Email is null)
                        throw new InvalidOperationException("The recipient has no email address.");
                    await email.SendAsync(notification, recipient, cancellationToken);
                }
                delivery.Succeed(Clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                delivery.Fail($"{ex.GetType().Name}: {ex.Message}", Clock.GetUtcNow(), Options.MaxAttempts, Options.Backoff);
                Logger.LogWarning("{Channel} delivery {DeliveryId} failed (attempt {Attempt}, now {Status}): {Error}",
                    delivery.Channel, delivery.Id, delivery.Attempts, delivery.Status, ex.Message);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
