using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Balances;

/// <summary>
/// A shop's balance (the sum of its ledger) never goes below zero by surprise. Money taken back after release (a refund,
/// a lost chargeback) is debited as far as the balance covers it, and the rest becomes a <see cref="ShopDebt"/>; money
/// coming in (a release, a failed payout credited back) pays the shop's debts first. Every change runs under the
/// shop's balance lock, the one payout requests take, inside the caller's transaction and unit of work.
/// </summary>
public sealed class ShopBalances(PaymentsDbContext db)
{
    /// <summary>The advisory lock scope of a shop's balance.</summary>
    public const string Lock = "shop-balance";

    public Task LockAsync(Guid shopId, CancellationToken cancellationToken) => db.LockAsync(Lock, shopId.ToString(), cancellationToken);

    /// <summary>
    /// Takes <paramref name="debit"/> (a negative REFUND or CHARGEBACK entry) out of the shop's balance: whole when the
    /// balance covers it, else what it covers, with the rest owed.
    /// </summary>
    public async Task TakeBackAsync(ShopLedgerEntry debit, CancellationToken cancellationToken)
    {
        await LockAsync(debit.ShopId, cancellationToken);
        var wanted = -debit.Amount;
        var covered = Math.Min(wanted, Math.Max(0, await AvailableAsync(debit.ShopId, cancellationToken)));
        if (covered == wanted)
        {
            db.ShopLedger.Add(debit);
            return;
        }
        if (covered > 0)
            db.ShopLedger.Add(ShopLedgerEntry.Record(debit.ShopId, debit.Kind, -covered, debit.Currency, debit.OrderId, debit.At, debit.PayoutId));
        db.ShopDebts.Add(ShopDebt.Incur(debit.ShopId, debit.Kind, wanted - covered, debit.Currency, debit.OrderId, debit.At));
    }

    /// <summary>Money came in for the shop: its outstanding debts are paid from the balance, oldest first.</summary>
    public async Task RepayDebtsAsync(Guid shopId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await LockAsync(shopId, cancellationToken);
        var debts = await db.ShopDebts.Where(d => d.ShopId == shopId && d.Outstanding > 0).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        if (debts.Count == 0)
            return;
        var available = await AvailableAsync(shopId, cancellationToken);
        foreach (var debt in debts)
        {
            if (debt.Repay(available, at) is not { } repayment)
                break;
            db.ShopLedger.Add(repayment);
            available += repayment.Amount;
        }
    }

    /// <summary>What the shop owes now.</summary>
    public Task<decimal> DebtAsync(Guid shopId, CancellationToken cancellationToken) =>
        db.ShopDebts.Where(d => d.ShopId == shopId).SumAsync(d => d.Outstanding, cancellationToken);

    /// <summary>The balance as this unit of work will leave it: the saved entries and the ones added but not saved yet.</summary>
    public async Task<decimal> AvailableAsync(Guid shopId, CancellationToken cancellationToken)
    {
        var saved = await db.ShopLedger.Where(e => e.ShopId == shopId).SumAsync(e => e.Amount, cancellationToken);
        var pending = db.ChangeTracker.Entries<ShopLedgerEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.ShopId == shopId)
            .Sum(e => e.Entity.Amount);
        return saved + pending;
    }
}
