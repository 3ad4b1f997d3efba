using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.GraphQL.Loaders;

/// <summary>Payments by id with their orders and ledger, one query per batch.</summary>
public sealed class PaymentByIdLoader(PaymentsDbContext db) : BatchLoader<Guid, Payment>
{
    protected override async Task<IReadOnlyDictionary<Guid, Payment>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.WithLedger().AsNoTracking().AsSplitQuery().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
}

/// <summary>
/// The payment that matters for each order: the one its escrow holds, else its newest attempt (a pending or failed one).
/// </summary>
public sealed class PaymentByOrderLoader(PaymentsDbContext db) : BatchLoader<Guid, Payment>
{
    protected override async Task<IReadOnlyDictionary<Guid, Payment>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var links = await db.PaymentOrders.AsNoTracking().Where(o => keys.Contains(o.OrderId)).Select(o => new { o.OrderId, o.PaymentId }).ToListAsync(cancellationToken);
        var held = await db.Escrows.AsNoTracking().Where(e => keys.Contains(e.OrderId)).ToDictionaryAsync(e => e.OrderId, e => e.PaymentId, cancellationToken);
        var chosen = links.GroupBy(l => l.OrderId)
            .ToDictionary(g => g.Key, g => held.TryGetValue(g.Key, out var paymentId) ? paymentId : g.Max(l => l.PaymentId));
        var paymentIds = chosen.Values.Distinct().ToList();
        var payments = await db.WithLedger().AsNoTracking().AsSplitQuery().Where(p => paymentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return chosen.ToDictionary(c => c.Key, c => payments[c.Value]);
    }
}

public sealed class EscrowByOrderLoader(PaymentsDbContext db) : BatchLoader<Guid, Escrow>
{
    protected override async Task<IReadOnlyDictionary<Guid, Escrow>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Escrows.AsNoTracking().Where(e => keys.Contains(e.OrderId)).ToDictionaryAsync(e => e.OrderId, cancellationToken);
}

public sealed class RefundsByPaymentLoader(PaymentsDbContext db) : GroupLoader<Guid, Refund>
{
    protected override async Task<ILookup<Guid, Refund>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Refunds.AsNoTracking().Where(r => keys.Contains(r.PaymentId)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.PaymentId);
}

public sealed class DisputesByOrderLoader(PaymentsDbContext db) : GroupLoader<Guid, Dispute>
{
    protected override async Task<ILookup<Guid, Dispute>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Disputes.AsNoTracking().Where(d => keys.Contains(d.OrderId)).OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .ToLookup(d => d.OrderId);
}
