using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Shops;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Inventory;

/// <summary>
/// The one way stock changes. Every writer locks the products it touches, in id order, then their stock rows, in id
/// order, inside its transaction: concurrent writers of one product queue up (no oversell) and writers of several
/// products lock in the same order (no deadlock). Movements are added to the ledger with their stock row's new totals,
/// and <see cref="Settle"/> lets statuses follow availability and announces StockChanged, all in one unit of work.
/// </summary>
public sealed class StockLedger(CatalogDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Locks one product's stock for a seller's change: the product must exist and the signed-in user must manage its
    /// shop, checked once the lock is held so the answer holds until the change is saved.
    /// </summary>
    public async Task<Result<LockedProduct>> LockForChangeAsync(Guid productId, ShopAccess access, CancellationToken cancellationToken)
    {
        var stock = await LockAsync([productId], cancellationToken);
        if (stock.Product(productId) is not { } product)
            return CatalogErrors.ProductNotFound;
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return denied;
        return new LockedProduct(stock, product);
    }

    /// <summary>Locks the products (deleted ones are left out) and their stock rows until the transaction ends.</summary>
    public async Task<LockedStock> LockAsync(IEnumerable<Guid> productIds, CancellationToken cancellationToken)
    {
        var ids = productIds.Distinct().ToArray();
        var products = await db.Products
            .FromSql($"SELECT * FROM products WHERE id = ANY({ids}) AND deleted_at IS NULL ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        var lockedIds = products.Select(p => p.Id).ToArray();
        var rows = await db.StockItems
            .FromSql($"SELECT * FROM stock_items WHERE product_id = ANY({lockedIds}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        var expired = await ExpiredHeldAsync(rows.Select(r => r.Id).ToArray(), clock.GetUtcNow(), cancellationToken);
        return new LockedStock(products, rows, expired);
    }

    /// <summary>
    /// Per stock row, the quantity held by reservations whose hold has run out but which the sweeper has not released
    /// yet. Stable while the rows' products are locked: releasing a reservation needs those locks too.
    /// </summary>
    public async Task<Dictionary<Guid, int>> ExpiredHeldAsync(Guid[] stockItemIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ReservationLines
            .Where(l => l.StockItemId != null && stockItemIds.Contains(l.StockItemId.Value))
            .Where(l => db.Reservations.Any(r => r.Id == l.ReservationId && r.Status == ReservationStatus.Held && r.ExpiresAt <= now))
            .GroupBy(l => l.StockItemId!.Value)
            .Select(g => new { StockItemId = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .ToDictionaryAsync(x => x.StockItemId, x => x.Quantity, cancellationToken);

    /// <summary>The stock of a product just listed: it is new, so nobody else can hold it yet.</summary>
    public static LockedStock ForNewProduct(Product product) => new([product], [], new Dictionary<Guid, int>());

    /// <summary>A new stock row for a locked product or one of its variants, with its opening stock as the first adjustment.</summary>
    public StockItem Open(LockedStock locked, Product product, ProductVariant? variant, int initialStock, Guid actorId, DateTimeOffset now)
    {
        var row = StockItem.For(product, variant, now);
        db.StockItems.Add(row);
        locked.Add(row);
        if (initialStock > 0)
            Record(locked, row.Adjust(initialStock, 0, "Opening stock", actorId, now).Value!);
        return row;
    }

    public void Record(LockedStock locked, InventoryMovement movement)
    {
        db.InventoryMovements.Add(movement);
        locked.Add(movement);
    }

    /// <summary>
    /// Ends a unit of stock work: every locked product's status follows its availability (ACTIVE and OUT_OF_STOCK
    /// across zero), each row that moved announces its new numbers, and a row whose availability fell from above its
    /// product's low-stock threshold to at or below it announces LowStockReached (once per crossing: movements under the
    /// threshold announce nothing more until stock rises above it again).
    /// </summary>
    public void Settle(LockedStock locked, DateTimeOffset now)
    {
        foreach (var product in locked.Products)
            product.ReflectAvailability(locked.AvailableOf(product.Id), now);
        foreach (var moved in locked.Movements.GroupBy(m => m.StockItemId))
        {
            var row = locked.Rows.First(r => r.Id == moved.Key);
            var product = locked.Product(row.ProductId)!;
            var kinds = moved.Select(m => m.Kind).Distinct().ToList();
            db.Publish(new StockChanged(product.Id, row.VariantId, product.ShopId,
                kinds.Count == 1 ? kinds[0].ToString().ToUpperInvariant() : "MIXED",
                row.OnHand, row.LiveReserved(locked.ExpiredHeld(row)), locked.Available(row),
                product.Status.ToContractName(), now));
            var available = locked.Available(row);
            if (locked.AvailableWhenLocked(row) is { } before && before > product.LowStockThreshold && available <= product.LowStockThreshold)
                db.Publish(new LowStockReached(product.Id, row.VariantId, product.ShopId, product.Title, available, product.LowStockThreshold, now));
        }
    }
}
