using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Refunds;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Escrows;

/// <summary>How an admin decides a buyer's dispute.</summary>
public enum DisputeOutcome
{
    /// <summary>The buyer is right: what is left of the order's money is refunded through the gateway, the escrow REFUNDED.</summary>
    [Description("The buyer is right: what is left of the order's share is refunded to the original payment method; the dispute is LOST.")]
    Buyer,

    /// <summary>The seller is right: the money is held for the shop again, or released at once if its release time has passed.</summary>
    [Description("The seller is right: the money is held for the shop again, and released at once if its release time has passed (unless "
        + "the buyer asked to return the order); the dispute is WON.")]
    Seller,
}

/// <summary>What deciding a dispute changed.</summary>
public sealed record DisputeResolution(Dispute Dispute, Escrow? Escrow, Refund? Refund);

/// <summary>
/// resolveDispute: an admin decides a dispute the buyer opened (chargebacks are decided by the bank, through the
/// provider's webhook). For the buyer, the refund goes the normal way (<see cref="RefundDesk"/>, keyed by the dispute so a
/// retry answers the same refund) and only then is the dispute closed: a refund the provider refuses leaves the dispute
/// open for another decision. A provider that cannot be reached leaves the refund PENDING for the sweeper; the dispute is
/// closed and the escrow becomes REFUNDED when the refund completes. For the seller, the escrow is unfrozen under the
/// payment's lock, and released at once when its release time has passed.
/// </summary>
public sealed class DisputeResolutions(PaymentsDbContext db, RefundDesk refunds, EscrowReleases releases, TimeProvider clock)
{
    public const string RefundReason = "Dispute decided for the buyer";

    public async Task<Result<DisputeResolution>> ResolveAsync(Guid disputeId, DisputeOutcome outcome, string? note, Guid adminId, CancellationToken cancellationToken)
    {
        var found = await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (found is null)
            return PaymentErrors.DisputeNotFound;
        if (found.Source == DisputeSource.Chargeback)
            return PaymentErrors.DisputeIsChargeback;
        if (found.Status != DisputeStatus.Open)
            return PaymentErrors.DisputeClosed;
        // A refund the provider refused does not stop a later decision: each attempt has its own key.
        var keyPrefix = RefundKeyPrefix(disputeId);
        var refused = await db.Refunds.CountAsync(r => r.PaymentId == found.PaymentId && r.IdempotencyKey.StartsWith(keyPrefix) && r.Status == RefundStatus.Failed,
            cancellationToken);
        Refund? refund = null;
        if (outcome == DisputeOutcome.Buyer)
        {
            var refunded = await refunds.RefundNowAsync(found.PaymentId, found.OrderId, null, RefundReason, keyPrefix + refused, adminId, cancellationToken,
                async () => await db.Disputes.AnyAsync(d => d.Id == disputeId && d.Status == DisputeStatus.Open, cancellationToken) ? null : PaymentErrors.DisputeClosed);
            // Nothing left to give back (refunded before the decision): the decision alone is recorded.
            if (!refunded.Succeeded && refunded.Error != PaymentErrors.NotRefundable)
                return refunded.Error;
            refund = refunded.Succeeded ? refunded.Value : null;
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockPaymentAsync(found.PaymentId, cancellationToken);
        var dispute = await db.Disputes.SingleAsync(d => d.Id == disputeId, cancellationToken);
        // A decision for the buyer whose refund is already on its way wins over a concurrent one for the seller.
        if (outcome == DisputeOutcome.Seller && await db.Refunds.AnyAsync(r => r.PaymentId == found.PaymentId && r.IdempotencyKey.StartsWith(keyPrefix)
                && r.Status != RefundStatus.Failed, cancellationToken))
            return PaymentErrors.DisputeClosed;
        var at = clock.GetUtcNow();
        if (!dispute.Resolve(outcome == DisputeOutcome.Buyer, adminId, note, at))
            return PaymentErrors.DisputeClosed;
        var escrow = await db.Escrows.SingleOrDefaultAsync(e => e.OrderId == dispute.OrderId && e.PaymentId == dispute.PaymentId, cancellationToken);
        if (outcome == DisputeOutcome.Seller && escrow is not null)
        {
            escrow.Unfreeze();
            // The sweeper's rule: released when the release time has passed, unless the buyer asked to return the order.
            var order = await db.OrderRecords.FindAsync([dispute.OrderId], cancellationToken);
            if (escrow.ReleaseDueAt <= at && order?.Status != "RETURN_REQUESTED")
                await releases.ReleaseAsync(escrow, EscrowReleases.ReleaseTimeReached, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (refund is not null)
            refund = await db.Refunds.AsNoTracking().SingleAsync(r => r.Id == refund.Id, cancellationToken);
        return new DisputeResolution(dispute, escrow, refund);
    }

    /// <summary>The idempotency keys of the refunds a dispute decided for the buyer gives: the prefix and the attempt's number.</summary>
    public static string RefundKeyPrefix(Guid disputeId) => $"dispute:{disputeId:N}:";
}
