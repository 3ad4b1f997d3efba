using GoShop.BuildingBlocks.Data;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Inventory;

/// <summary>
/// Reserve, keep, commit and release stock for an order. Each call first takes a transaction-scoped advisory lock on
/// the order id, so calls about one order run one at a time and a repeat finds the first call's reservation and
/// answers from it. Stock itself is locked through <see cref="StockLedger"/>. A call made inside a transaction the
/// caller already began (an event handler's) joins it and leaves the commit to the caller.
/// </summary>
public sealed class StockReservationService(CatalogDbContext db, StockLedger ledger, TimeProvider clock)
{
    public const int MinHoldSeconds = 10;
    public const int MaxHoldSeconds = 24 * 60 * 60;
    public const int MaxLines = 100;

    /// <summary>Holds every line or none. A repeat answers the first outcome; other lines under the same order id conflict.</summary>
    public async Task<ReservationAnswer> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken)
    {
        if (Invalid(request) is { } problem)
            return ReservationAnswer.Invalid(problem);
        var lines = RequestedLine.Normalize(request.Lines.Select(l => new RequestedLine(l.ProductId, l.VariantId, l.Quantity)));

        await using var scope = await BeginForOrderAsync(request.OrderId, cancellationToken);
        if (await FindAsync(request.OrderId, cancellationToken) is { } existing)
        {
            return existing.Matches(lines)
                ? ReservationAnswer.Of(existing)
                : ReservationAnswer.Conflict("This order id already reserved other lines.");
        }

        var now = clock.GetUtcNow();
        var locked = await ledger.LockAsync(lines.Select(l => l.ProductId), cancellationToken);
        var shops = await ActiveShopsAsync(locked, cancellationToken);
        var shortages = lines.Select(line => ShortageOf(line, locked, shops)).OfType<Shortage>().ToList();
        Reservation reservation;
        if (shortages.Count > 0)
        {
            reservation = Reservation.Reject(request.OrderId, lines, shortages, now);
        }
        else
        {
            reservation = Reservation.Hold(request.OrderId, now.AddSeconds(request.HoldSeconds), now);
            foreach (var line in lines)
            {
                var row = locked.Row(line.ProductId, line.VariantId)!;
                ledger.Record(locked, row.Reserve(line.Quantity, locked.ExpiredHeld(row), request.OrderId, now)!);
                reservation.AddLine(row, line.Quantity);
            }
            ledger.Settle(locked, now);
        }
        db.Reservations.Add(reservation);
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return ReservationAnswer.Of(reservation);
    }

    /// <summary>Sells what a held reservation holds. An expired hold is released instead and answered as EXPIRED.</summary>
    public Task<ReservationAnswer> CommitAsync(Guid orderId, CancellationToken cancellationToken) =>
        FinishAsync(orderId, commit: true, cancellationToken);

    /// <summary>Puts what a held reservation holds back on sale. Anything else answers the status it has.</summary>
    public Task<ReservationAnswer> ReleaseAsync(Guid orderId, CancellationToken cancellationToken) =>
        FinishAsync(orderId, commit: false, cancellationToken);

    /// <summary>
    /// Keeps a live hold until it is committed or released (its order was placed). Answers the reservation as it is
    /// after the call; a hold that already ran out is released as EXPIRED instead, since its stock may be sold again.
    /// </summary>
    public async Task<ReservationAnswer> KeepAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var scope = await BeginForOrderAsync(orderId, cancellationToken);
        if (await FindAsync(orderId, cancellationToken) is not { } reservation)
            return ReservationAnswer.NotFound;
        if (reservation.Status != ReservationStatus.Held || reservation.ExpiresAt is null)
            return ReservationAnswer.Of(reservation);
        if (reservation.IsExpiredAt(clock.GetUtcNow()))
        {
            var released = await FinishAsync(orderId, commit: false, cancellationToken);
            await scope.CommitAsync(cancellationToken);
            return released;
        }
        reservation.Keep(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return ReservationAnswer.Of(reservation);
    }

    public async Task<ReservationAnswer> GetAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Reservations.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.OrderId == orderId, cancellationToken) is { } reservation
            ? ReservationAnswer.Of(reservation)
            : ReservationAnswer.NotFound;

    private async Task<ReservationAnswer> FinishAsync(Guid orderId, bool commit, CancellationToken cancellationToken)
    {
        await using var scope = await BeginForOrderAsync(orderId, cancellationToken);
        if (await FindAsync(orderId, cancellationToken) is not { } reservation)
            return ReservationAnswer.NotFound;
        if (reservation.Status != ReservationStatus.Held)
            return ReservationAnswer.Of(reservation);

        var now = clock.GetUtcNow();
        var locked = await ledger.LockAsync(reservation.Lines.Select(l => l.ProductId), cancellationToken);
        var expired = reservation.IsExpiredAt(now);
        foreach (var line in reservation.Lines)
        {
            var row = locked.Rows.FirstOrDefault(r => r.Id == line.StockItemId);
            if (row is null)
                continue;
            var product = locked.Product(line.ProductId)!;
            if (commit && !expired)
            {
                ledger.Record(locked, row.Sell(line.Quantity, orderId, now));
                product.RecordSale(line.Quantity, now);
            }
            else
            {
                ledger.Record(locked, row.Release(line.Quantity, orderId, expired ? "Reservation expired" : "Reservation released", now));
            }
        }
        if (expired)
            reservation.MarkExpired(now);
        else if (commit)
            reservation.MarkCommitted(now);
        else
            reservation.MarkReleased(now);
        ledger.Settle(locked, now);
        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return ReservationAnswer.Of(reservation);
    }

    /// <summary>Releases a reservation whose hold ran out (the sweeper's work); answers whether it did.</summary>
    public async Task<bool> ExpireAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.AsNoTracking().SingleOrDefaultAsync(r => r.OrderId == orderId, cancellationToken);
        if (reservation is null || !reservation.IsExpiredAt(clock.GetUtcNow()))
            return false;
        // Releasing an expired hold is exactly what release does with it: it is marked EXPIRED, not RELEASED.
        var answer = await ReleaseAsync(orderId, cancellationToken);
        return answer.Outcome?.Status == ReservationStatuses.Expired;
    }

    private async Task<JoinedTransaction> BeginForOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        await db.LockAsync("stock-reservation", orderId.ToString(), cancellationToken);
        return transaction;
    }

    private Task<Reservation?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.Reservations.Include(r => r.Lines).SingleOrDefaultAsync(r => r.OrderId == orderId, cancellationToken);

    private async Task<HashSet<Guid>> ActiveShopsAsync(LockedStock locked, CancellationToken cancellationToken)
    {
        var shopIds = locked.Products.Select(p => p.ShopId).Distinct().ToList();
        return [.. await db.Shops.Where(s => shopIds.Contains(s.Id) && s.Status == ShopCopy.Active).Select(s => s.Id).ToListAsync(cancellationToken)];
    }

    private static Shortage? ShortageOf(RequestedLine line, LockedStock locked, HashSet<Guid> activeShops)
    {
        if (locked.Product(line.ProductId) is not { } product)
            return new Shortage(line.ProductId, line.VariantId, line.Quantity, 0, "PRODUCT_NOT_FOUND");
        if (locked.Row(line.ProductId, line.VariantId) is not { } row)
            return new Shortage(line.ProductId, line.VariantId, line.Quantity, 0, "PRODUCT_NOT_FOUND");
        var available = locked.Available(row);
        if (!product.Status.IsPublic() || !activeShops.Contains(product.ShopId))
            return new Shortage(line.ProductId, line.VariantId, line.Quantity, available, "NOT_FOR_SALE");
        return available < line.Quantity
            ? new Shortage(line.ProductId, line.VariantId, line.Quantity, available, "OUT_OF_STOCK")
            : null;
    }

    private static string? Invalid(ReserveStockRequest request)
    {
        if (request.OrderId == Guid.Empty)
            return "orderId is required.";
        if (request.Lines is not { Count: > 0 and <= MaxLines })
            return $"Between 1 and {MaxLines} lines are required.";
        if (request.Lines.Any(l => l.Quantity <= 0 || l.ProductId == Guid.Empty))
            return "Every line needs a product id and a positive quantity.";
        if (request.HoldSeconds is < MinHoldSeconds or > MaxHoldSeconds)
            return $"holdSeconds must be between {MinHoldSeconds} and {MaxHoldSeconds}.";
        return null;
    }
}

/// <summary>What a reservation call answers: the outcome, or why there is none (unknown order, bad request, conflict).</summary>
public sealed record ReservationAnswer(ReservationOutcome? Outcome, int StatusCode, string? Problem)
{
    public static ReservationAnswer NotFound { get; } = new(null, 404, "No reservation exists for this order id.");

    public static ReservationAnswer Invalid(string problem) => new(null, 400, problem);

    public static ReservationAnswer Conflict(string problem) => new(null, 409, problem);

    public static ReservationAnswer Of(Reservation reservation) => new(new ReservationOutcome(
        reservation.OrderId,
        reservation.Status.ToString().ToUpperInvariant(),
        reservation.Status == ReservationStatus.Rejected ? null : reservation.ExpiresAt,
        reservation.Lines.Select(l => new StockLine(l.ProductId, l.VariantId, l.Quantity)).ToList(),
        reservation.Shortages.Select(s => new StockShortage(s.ProductId, s.VariantId, s.Requested, s.Available, s.Reason)).ToList()), 200, null);
}
