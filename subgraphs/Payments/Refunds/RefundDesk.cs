using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Payments;
using GoShop.PaymentGateways;
using GoShop.Payments.Balances;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Escrows;
using GoShop.Payments.Gateways;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Refunds;

/// <summary>
/// Gives money back, to the original method, in three steps so that no step holds a database lock while a provider
/// answers: (1) the refund is written PENDING on the locked payment (checked against what is left to refund); (2) the
/// gateway is asked, with the refund's id as our reference (a retry reaches the provider with the same one); (3) its
/// answer is applied on the locked payment: a REFUND in the ledger, the escrow reduced, RefundCompleted published. A
/// provider that answers "pending" finishes through its webhook (<see cref="Complete"/>). Refunds queued by events
/// (a cancellation, a received return, a late payment) skip step 2 in the event's transaction and are sent by
/// <see cref="PaymentsSweeper"/>.
/// </summary>
public sealed class RefundDesk(PaymentsDbContext db, GatewayDirectory gateways, ShopBalances balances, TimeProvider clock, ILogger<RefundDesk> logger)
{
    /// <summary>
    /// The key of a refund payments makes by itself for a reason: one per order and reason, since one checkout's payment
    /// may refund several of its orders for the same reason (two cancellations, two late captures); one per return for a
    /// received return (<paramref name="subjectId"/> is then the return's id: an order may have several returns).
    /// </summary>
    public static string AutomaticKey(string reason, Guid subjectId) => $"auto:{reason}:{subjectId:N}";

    /// <summary>
    /// Queues a refund in the caller's unit of work (step 1 only); the processor sends it after commit. Nothing for an
    /// amount of zero or less. <paramref name="returnId"/> names the return it pays for, which RefundCompleted carries.
    /// </summary>
    public Refund? Queue(Payment payment, Guid orderId, decimal amount, string reason, string idempotencyKey, DateTimeOffset at, Guid? requestedBy = null,
        Guid? returnId = null)
    {
        if (amount <= 0)
            return null;
        var refund = Refund.Request(payment, orderId, amount, reason, idempotencyKey, requestedBy, at, returnId);
        db.Refunds.Add(refund);
        return refund;
    }

    /// <summary>
    /// A person's refund (refundPayment): all three steps now. <paramref name="amount"/> null refunds all that is left of
    /// the order's share. The same idempotency key answers the same refund (a FAILED one answers REFUND_FAILED).
    /// <paramref name="precondition"/>, checked on the locked payment before anything is written, may refuse the refund.
    /// </summary>
    public async Task<Result<Refund>> RefundNowAsync(Guid paymentId, Guid orderId, decimal? amount, string reason, string idempotencyKey, Guid requestedBy,
        CancellationToken cancellationToken, Func<Task<DomainError?>>? precondition = null)
    {
        Refund refund;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var payment = await db.LockPaymentAsync(paymentId, cancellationToken);
            if (payment is null)
                return PaymentErrors.PaymentNotFound;
            if (precondition is not null && await precondition() is { } refused)
                return refused;
            if (await db.Refunds.FindAsync([Refund.IdFor(paymentId, idempotencyKey)], cancellationToken) is { } existing)
            {
                if (existing.OrderId != orderId || (amount is { } asked && asked != existing.Amount))
                    return PaymentErrors.IdempotencyKeyReused;
                if (existing.Status == RefundStatus.Failed)
                    return RefusedError(existing);
                if (existing.Status != RefundStatus.Pending)
                    return existing;
                refund = existing;
            }
            else
            {
                var left = await RefundableAsync(payment, orderId, cancellationToken);
                if (left <= 0)
                    return PaymentErrors.NotRefundable;
                if (amount > left)
                    return PaymentErrors.RefundTooLarge;
                refund = Queue(payment, orderId, amount ?? left, reason, idempotencyKey, clock.GetUtcNow(), requestedBy)!;
                // Sent right below: the sweeper leaves it alone meanwhile.
                refund.MarkSent(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        await SendAsync(refund.Id, cancellationToken);
        db.ChangeTracker.Clear();
        var sent = await db.Refunds.AsNoTracking().SingleAsync(r => r.Id == refund.Id, cancellationToken);
        return sent.Status == RefundStatus.Failed ? RefusedError(sent) : sent;
    }

    private static DomainError RefusedError(Refund refund) =>
        PaymentErrors.RefundFailed with { Message = $"The provider refused the refund: {refund.FailureReason}." };

    /// <summary>Steps 2 and 3 for one pending refund; a provider that cannot be reached leaves it pending for the next try.</summary>
    public async Task SendAsync(Guid refundId, CancellationToken cancellationToken)
    {
        var refund = await db.Refunds.AsNoTracking().SingleAsync(r => r.Id == refundId, cancellationToken);
        var payment = await db.WithLedger().AsNoTracking().SingleAsync(p => p.Id == refund.PaymentId, cancellationToken);
        if (refund.Status != RefundStatus.Pending)
            return;
        await db.Refunds.Where(r => r.Id == refundId).ExecuteUpdateAsync(r => r.SetProperty(x => x.SentAt, clock.GetUtcNow()), cancellationToken);
        GatewayCallResult answer;
        if (payment.Gateway is not { } gateway)
        {
            // Cash on delivery: the platform pays the buyer back itself (a bank transfer outside any gateway).
            answer = new GatewayCallResult(GatewayCallStatus.Succeeded, null, refund.ProviderAmount, refund.ProviderCurrency ?? refund.Currency, null, null);
        }
        else
        {
            try
            {
                answer = await gateways.Get(gateway).RefundAsync(new RefundRequest(payment.Reference, refund.Reference, payment.ProviderReference ?? "",
                    payment.CaptureTransactionId, refund.Amount, refund.Currency, refund.ProviderAmount, refund.ProviderCurrency ?? refund.Currency,
                    refund.Reason, payment.CapturedAt ?? payment.CreatedAt, clock.GetUtcNow()), cancellationToken);
            }
            catch (Exception ex) when (GatewayFailure.Of(ex, cancellationToken) is { IsTransient: true })
            {
                logger.LogWarning(ex, "Refund {RefundId} of payment {PaymentId} could not reach {Gateway}; it stays pending", refund.Id, payment.Id, gateway);
                return;
            }
            catch (Exception ex) when (GatewayFailure.Of(ex, cancellationToken) is { } failure)
            {
                // A refusal (PROVIDER_REJECTED, INVALID_AMOUNT, MISSING_TRANSACTION, ...) is final: the refund fails below.
                answer = new GatewayCallResult(GatewayCallStatus.Failed, null, refund.ProviderAmount, refund.ProviderCurrency ?? refund.Currency,
                    failure.Reason, failure.Detail);
            }
        }
        // Read everything again under the lock: the provider's webhook may have completed the refund meanwhile.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var locked = await db.LockPaymentAsync(payment.Id, cancellationToken);
        var pending = await db.Refunds.SingleAsync(r => r.Id == refundId, cancellationToken);
        switch (answer.Status)
        {
            case GatewayCallStatus.Succeeded:
                await CompleteAsync(locked!, pending, answer.ProviderTransactionId, cancellationToken);
                break;
            case GatewayCallStatus.Pending:
                pending.AcceptedByProvider(answer.ProviderTransactionId);
                break;
            case GatewayCallStatus.Failed:
                if (pending.Status == RefundStatus.Pending)
                    pending.Fail(answer.ProviderCode ?? answer.Message ?? "DECLINED", clock.GetUtcNow());
                logger.LogError("The provider refused refund {RefundId} of payment {PaymentId}: {Code}", refund.Id, payment.Id, answer.ProviderCode);
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Step 3 of a refund the provider confirmed (in its answer or in a webhook) on the locked payment: REFUND in the
    /// ledger, the order's escrow reduced, RefundCompleted published. A refund already completed changes nothing.
    /// </summary>
    public async Task<bool> CompleteAsync(Payment payment, Refund refund, string? providerTransactionId, CancellationToken cancellationToken)
    {
        if (refund.Status != RefundStatus.Pending)
            return false;
        var at = clock.GetUtcNow();
        var recorded = payment.RecordRefund(refund.Id, refund.OrderId, refund.Amount, refund.ProviderAmount, providerTransactionId ?? refund.ProviderTransactionId, at);
        if (!recorded.Succeeded)
        {
            refund.Fail(recorded.Error.Code, at);
            return false;
        }
        refund.Succeed(providerTransactionId, at);
        if (await db.Escrows.SingleOrDefaultAsync(e => e.OrderId == refund.OrderId && e.PaymentId == payment.Id, cancellationToken) is { } escrow)
        {
            // Money the shop already got comes back out of its balance, or is owed where the balance falls short.
            if (escrow.Status == EscrowStatus.Released)
                await balances.TakeBackAsync(ShopLedgerEntry.Record(escrow.ShopId, LedgerEntryKind.Refund, -refund.Amount, refund.Currency, refund.OrderId, at),
                    cancellationToken);
            escrow.Refund(refund.Amount, at);
        }
        db.Publish(new RefundCompleted(refund.Id, payment.Id, refund.OrderId, refund.Amount, refund.Currency, at, refund.ReturnId));
        return true;
    }

    /// <summary>What of an order's share is left to refund, less refunds still on their way.</summary>
    public async Task<decimal> RefundableAsync(Payment payment, Guid orderId, CancellationToken cancellationToken)
    {
        var pending = await db.Refunds.Where(r => r.PaymentId == payment.Id && r.OrderId == orderId && r.Status == RefundStatus.Pending)
            .SumAsync(r => r.Amount, cancellationToken);
        return payment.RefundableFor(orderId) - pending;
    }
}
