using GoShop.BuildingBlocks.Data;
using GoShop.PaymentGateways;
using GoShop.Payments.Data;
using GoShop.Payments.Data.Configurations;
using GoShop.Payments.Domain;
using GoShop.Payments.Gateways;
using GoShop.Payments.Ledger;
using GoShop.Payments.Refunds;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Webhooks;

/// <summary>
/// Acts on a verified notification exactly once. Its (gateway, provider event id) goes into webhook_events first, in
/// the same transaction as its effects: a replay, or a copy racing in at the same moment (it waits on the unique index
/// until the first commits), finds it there and changes nothing. The amount and currency must be what the provider was
/// asked to collect (or refund); a notification that fails the check rolls back entirely.
/// </summary>
public sealed class WebhookHandler(PaymentsDbContext db, PaymentLedger ledger, RefundDesk refunds, TimeProvider clock, ILogger<WebhookHandler> logger)
{
    public async Task<WebhookHandling> HandleAsync(GatewayNotification notification, CancellationToken cancellationToken)
    {
        var gateway = GatewayDirectory.Of(notification.Gateway);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var firstTime = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO webhook_events (id, gateway, provider_event_id, reference, outcome, payment_id, received_at)
                VALUES ({Guid.CreateVersion7()}, {gateway.ToString()}, {notification.ProviderEventId}, {notification.Reference},
                        {notification.Outcome.ToString()}, NULL, {clock.GetUtcNow()})
                ON CONFLICT (gateway, provider_event_id) DO NOTHING
                """, cancellationToken);
            if (firstTime == 0)
                return WebhookHandling.AlreadyRecorded;
            var handling = await ApplyAsync(gateway, notification, cancellationToken);
            if (handling != WebhookHandling.Recorded)
                return handling;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return WebhookHandling.Recorded;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation("ix_payment_transactions_one_capture") || ex.IsUniqueViolation("ix_escrows_order_id"))
        {
            // Another payment of the same order was captured at the same moment: the provider retries, and the retry refunds this one.
            logger.LogWarning("A {Gateway} notification {EventId} raced another capture of the same order; asking the provider to retry", gateway,
                notification.ProviderEventId);
            return WebhookHandling.Failed;
        }
    }

    private async Task<WebhookHandling> ApplyAsync(PaymentGateway gateway, GatewayNotification notification, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(notification.Reference, "N", out var reference))
            return WebhookHandling.UnknownPayment;
        var at = clock.GetUtcNow();
        if (notification.Outcome == NotificationOutcome.Refunded)
            return await RefundedAsync(gateway, reference, notification, cancellationToken);

        var payment = await db.LockPaymentAsync(reference, cancellationToken);
        if (payment is null || payment.Gateway != gateway)
            return WebhookHandling.UnknownPayment;
        var moneyMoved = notification.Outcome is NotificationOutcome.Authorized or NotificationOutcome.Captured;
        var amountGiven = notification.ProviderAmount != 0;
        if ((moneyMoved || amountGiven) && !payment.MatchesProviderAmount(notification.ProviderAmount, notification.ProviderCurrency))
            return WebhookHandling.AmountMismatch;
        await db.WebhookEvents.Where(e => e.Gateway == gateway && e.ProviderEventId == notification.ProviderEventId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.PaymentId, payment.Id), cancellationToken);
        var reason = notification.ProviderCode ?? notification.Outcome.ToString().ToUpperInvariant();
        switch (notification.Outcome)
        {
            case NotificationOutcome.Authorized:
                payment.RecordAuthorization(notification.ProviderTransactionId, at);
                break;
            case NotificationOutcome.Captured:
                await ledger.CaptureAsync(payment, notification.ProviderTransactionId, payment.Amount, at, cancellationToken);
                break;
            case NotificationOutcome.Failed:
                ledger.Fail(payment, PaymentStatus.Failed, reason, at);
                break;
            case NotificationOutcome.Cancelled:
                ledger.Fail(payment, PaymentStatus.Cancelled, reason, at);
                break;
            case NotificationOutcome.ChargebackOpened:
                await ledger.ChargebackOpenedAsync(payment, notification.ProviderTransactionId, notification.Message ?? reason, at, cancellationToken);
                break;
            case NotificationOutcome.ChargebackWon or NotificationOutcome.ChargebackLost:
                await ledger.ChargebackDecidedAsync(payment, notification.Outcome == NotificationOutcome.ChargebackWon, notification.ProviderTransactionId, at,
                    cancellationToken);
                break;
        }
        return WebhookHandling.Recorded;
    }

    /// <summary>A refund reached the buyer: the refund it names (our refund reference) completes, if it had not already.</summary>
    private async Task<WebhookHandling> RefundedAsync(PaymentGateway gateway, Guid refundId, GatewayNotification notification, CancellationToken cancellationToken)
    {
        var paymentId = await db.Refunds.Where(r => r.Id == refundId).Select(r => (Guid?)r.PaymentId).SingleOrDefaultAsync(cancellationToken);
        var payment = paymentId is { } id ? await db.LockPaymentAsync(id, cancellationToken) : null;
        if (payment is null || payment.Gateway != gateway)
            return WebhookHandling.UnknownPayment;
        var refund = await db.Refunds.SingleAsync(r => r.Id == refundId, cancellationToken);
        if (refund.ProviderAmount != notification.ProviderAmount
            || !string.Equals(refund.ProviderCurrency, notification.ProviderCurrency, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookHandling.AmountMismatch;
        }
        await refunds.CompleteAsync(payment, refund, notification.ProviderTransactionId, cancellationToken);
        return WebhookHandling.Recorded;
    }
}
