using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.GraphQL.Loaders;

/// <summary>Orders by id, one query per batch (the gateway resolves Order references through it).</summary>
public sealed class OrderByIdLoader(OrderingDbContext db) : BatchLoader<Guid, Order>
{
    protected override async Task<IReadOnlyDictionary<Guid, Order>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
}

public sealed class CheckoutByIdLoader(OrderingDbContext db) : BatchLoader<Guid, Checkout>
{
    protected override async Task<IReadOnlyDictionary<Guid, Checkout>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Checkouts.AsNoTracking().Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
}

/// <summary>The orders of many checkouts, in the order they were placed.</summary>
public sealed class OrdersByCheckoutLoader(OrderingDbContext db) : GroupLoader<Guid, Order>
{
    protected override async Task<ILookup<Guid, Order>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Orders.AsNoTracking().Where(o => keys.Contains(o.CheckoutId)).OrderBy(o => o.Id).ToListAsync(cancellationToken))
            .ToLookup(o => o.CheckoutId);
}

public sealed class LinesByOrderLoader(OrderingDbContext db) : GroupLoader<Guid, OrderLine>
{
    protected override async Task<ILookup<Guid, OrderLine>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.OrderLines.AsNoTracking().Where(l => keys.Contains(l.OrderId)).OrderBy(l => l.Position).ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);
}

public sealed class HistoryByOrderLoader(OrderingDbContext db) : GroupLoader<Guid, OrderStatusChange>
{
    protected override async Task<ILookup<Guid, OrderStatusChange>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.OrderStatusChanges.AsNoTracking().Where(h => keys.Contains(h.OrderId)).OrderBy(h => h.Sequence).ToListAsync(cancellationToken))
            .ToLookup(h => h.OrderId);
}

public sealed class TimelineByOrderLoader(OrderingDbContext db) : GroupLoader<Guid, OrderTimelineEntry>
{
    protected override async Task<ILookup<Guid, OrderTimelineEntry>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.OrderTimelineEntries.AsNoTracking().Where(t => keys.Contains(t.OrderId)).OrderBy(t => t.Sequence).ToListAsync(cancellationToken))
            .ToLookup(t => t.OrderId);
}

/// <summary>Order lines by id (what a return's lines point at).</summary>
public sealed class OrderLineByIdLoader(OrderingDbContext db) : BatchLoader<Guid, OrderLine>
{
    protected override async Task<IReadOnlyDictionary<Guid, OrderLine>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.OrderLines.AsNoTracking().Where(l => keys.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
}

/// <summary>The returns of many orders (at most one each today), with their lines, oldest first.</summary>
public sealed class ReturnsByOrderLoader(OrderingDbContext db) : GroupLoader<Guid, Return>
{
    protected override async Task<ILookup<Guid, Return>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Returns.AsNoTracking().Include(r => r.Lines).Where(r => keys.Contains(r.OrderId)).OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.OrderId);
}
