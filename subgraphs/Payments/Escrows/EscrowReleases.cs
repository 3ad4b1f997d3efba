using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Payments;
using GoShop.Payments.Balances;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.Extensions.Options;

namespace GoShop.Payments.Escrows;

/// <summary>
/// Releases held money to its shop: the two entries of the shop's ledger, its debts repaid from them first, and
/// EscrowReleased, in the caller's unit of work (and transaction: the shop's balance lock is held until it ends).
/// </summary>
public sealed class EscrowReleases(PaymentsDbContext db, ShopBalances balances, IOptions<PaymentsOptions> options, TimeProvider clock)
{
    /// <summary>The buyer confirmed receipt.</summary>
    public const string ConfirmedByBuyer = "CONFIRMED_BY_BUYER";

    /// <summary>The release time after delivery passed without a dispute.</summary>
    public const string ReleaseTimeReached = "RELEASE_TIME_REACHED";

    public async Task<Result> ReleaseAsync(Escrow escrow, string reason, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        var released = escrow.Release(options.Value.CommissionRate, reason, at);
        if (!released.Succeeded)
            return released.Error;
        db.ShopLedger.AddRange(released.Value);
        await balances.RepayDebtsAsync(escrow.ShopId, at, cancellationToken);
        db.Publish(new EscrowReleased(escrow.Id, escrow.PaymentId, escrow.OrderId, escrow.ShopId, escrow.Remaining, escrow.Commission ?? 0, escrow.Currency, reason, at));
        return Result.Success;
    }
}
