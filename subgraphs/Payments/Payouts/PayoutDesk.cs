using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Payments.Balances;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Payouts;

/// <summary>
/// Payouts of a shop's balance. A request is checked against the shops subgraph (the caller must own the shop), then,
/// under the shop's balance lock (a transaction-scoped advisory lock: two requests of one shop never read the balance at
/// the same time), takes the amount out of the available balance with a PAYOUT ledger entry. The owner's idempotency
/// key names the payout. An admin then records the bank transfer, or its failure (the amount credited back).
/// </summary>
public sealed class PayoutDesk(PaymentsDbContext db, ShopDirectory shops, ShopBalances balances, TimeProvider clock, ILogger<PayoutDesk> logger)
{
    public async Task<Result<Payout>> RequestAsync(Guid shopId, decimal amount, string idempotencyKey, Guid ownerId, CancellationToken cancellationToken)
    {
        var shop = await InternalApi.CallAsync(() => shops.FindAsync(shopId, cancellationToken), PaymentErrors.ShopsUnavailable, logger, cancellationToken);
        if (!shop.Succeeded)
            return shop.Error;
        if (shop.Value?.OwnerId != ownerId)
            return PaymentErrors.NotShopOwner;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await balances.LockAsync(shopId, cancellationToken);
        if (await db.Payouts.SingleOrDefaultAsync(p => p.ShopId == shopId && p.IdempotencyKey == idempotencyKey, cancellationToken) is { } existing)
            return existing.Amount == amount ? existing : PaymentErrors.IdempotencyKeyReused;
        var available = await balances.AvailableAsync(shopId, cancellationToken);
        var requested = Payout.Request(shopId, amount, available, idempotencyKey, ownerId, clock.GetUtcNow());
        if (!requested.Succeeded)
            return requested.Error;
        db.Payouts.Add(requested.Value.Payout);
        db.ShopLedger.Add(requested.Value.Entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return requested.Value.Payout;
    }

    public Task<Result<Payout>> MarkPaidAsync(Guid payoutId, string bankReference, CancellationToken cancellationToken) =>
        OnPayoutAsync(payoutId, payout => Task.FromResult(payout.MarkPaid(bankReference, clock.GetUtcNow())), cancellationToken);

    public Task<Result<Payout>> FailAsync(Guid payoutId, string reason, CancellationToken cancellationToken) =>
        OnPayoutAsync(payoutId, async payout =>
        {
            var now = clock.GetUtcNow();
            var failed = payout.Fail(reason, now);
            if (!failed.Succeeded)
                return failed.Error;
            db.ShopLedger.Add(failed.Value);
            // The amount credited back pays the shop's debts first.
            await balances.RepayDebtsAsync(payout.ShopId, now, cancellationToken);
            return Result.Success;
        }, cancellationToken);

    /// <summary>An admin's move on a payout, under its shop's balance lock.</summary>
    private async Task<Result<Payout>> OnPayoutAsync(Guid payoutId, Func<Payout, Task<Result>> move, CancellationToken cancellationToken)
    {
        var shopId = await db.Payouts.Where(p => p.Id == payoutId).Select(p => (Guid?)p.ShopId).SingleOrDefaultAsync(cancellationToken);
        if (shopId is null)
            return PaymentErrors.PayoutNotFound;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await balances.LockAsync(shopId.Value, cancellationToken);
        var payout = await db.Payouts.SingleAsync(p => p.Id == payoutId, cancellationToken);
        var moved = await move(payout);
        if (!moved.Succeeded)
            return moved.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payout;
    }
}
