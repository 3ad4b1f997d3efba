using GoShop.BuildingBlocks.Domain;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Escrows;

/// <summary>A dispute the buyer opened, with the escrow it froze.</summary>
public sealed record DisputeOpened(Escrow Escrow, Dispute Dispute);

/// <summary>
/// The buyer's say over the money held for their order: confirming it arrived (the money is released to the shop) or
/// disputing it (the money is frozen until an admin decides). Each move runs under the payment's and the order's locks.
/// </summary>
public sealed class EscrowDesk(PaymentsDbContext db, EscrowReleases releases, TimeProvider clock)
{
    public Task<Result<Escrow>> ConfirmReceiptAsync(Guid orderId, Guid buyerId, CancellationToken cancellationToken) =>
        OnBuyersEscrowAsync<Escrow>(orderId, buyerId, async escrow =>
        {
            var order = await db.OrderRecords.FindAsync([orderId], cancellationToken);
            if (order?.DeliveredAt is null && order?.Status is not ("DELIVERED" or "COMPLETED"))
                return PaymentErrors.NotDelivered;
            var released = await releases.ReleaseAsync(escrow, EscrowReleases.ConfirmedByBuyer, cancellationToken);
            return released.Succeeded ? escrow : released.Error;
        }, cancellationToken);

    /// <param name="reason">The buyer's words, trimmed.</param>
    public Task<Result<DisputeOpened>> OpenDisputeAsync(Guid orderId, Guid buyerId, string reason, CancellationToken cancellationToken) =>
        OnBuyersEscrowAsync<DisputeOpened>(orderId, buyerId, async escrow =>
        {
            if (await db.Disputes.AnyAsync(d => d.OrderId == orderId && d.Status == DisputeStatus.Open, cancellationToken))
                return PaymentErrors.DisputeOpen;
            if (!escrow.Freeze())
                return PaymentErrors.EscrowNotHeld;
            var dispute = Dispute.Open(escrow.PaymentId, escrow.OrderId, buyerId, DisputeSource.Buyer, reason, null, clock.GetUtcNow());
            db.Disputes.Add(dispute);
            return new DisputeOpened(escrow, dispute);
        }, cancellationToken);

    /// <summary>Runs a buyer's move on the order's escrow, under the locks, and saves it when it succeeded.</summary>
    private async Task<Result<T>> OnBuyersEscrowAsync<T>(Guid orderId, Guid buyerId, Func<Escrow, Task<Result<T>>> move, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockPaymentOfEscrowAsync(orderId, cancellationToken);
        await db.LockOrdersAsync([orderId], cancellationToken);
        var escrow = await db.Escrows.SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        if (escrow is null || escrow.BuyerId != buyerId)
            return PaymentErrors.EscrowNotFound;
        var moved = await move(escrow);
        if (!moved.Succeeded)
            return moved;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
