using GoShop.BuildingBlocks.Domain;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.CashOnDelivery;

/// <summary>What a settlement closed: how many collections, for how much.</summary>
public sealed record CodSettled(int Count, decimal Amount);

/// <summary>A shipper hands over all the cash they collected on delivery: an admin records it, and their open collections are settled.</summary>
public sealed class CodSettlements(PaymentsDbContext db, TimeProvider clock)
{
    public async Task<Result<CodSettled>> SettleAsync(Guid shipperId, Guid adminId, CancellationToken cancellationToken)
    {
        var open = await db.CodDebts.Where(d => d.ShipperId == shipperId && d.SettledAt == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
            return PaymentErrors.NothingToSettle;
        foreach (var debt in open)
            debt.Settle(adminId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new CodSettled(open.Count, open.Sum(d => d.Amount));
    }
}
