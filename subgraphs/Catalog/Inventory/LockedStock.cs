using GoShop.Catalog.Domain;

namespace GoShop.Catalog.Inventory;

/// <summary>
/// Products and all their stock rows, locked for the rest of the transaction, with what expired reservations still
/// hold on each row, and the movements made so far. <see cref="StockLedger.Settle"/> ends the unit of work.
/// </summary>
public sealed class LockedStock(
    IReadOnlyList<Product> products,
    IEnumerable<StockItem> rows,
    IReadOnlyDictionary<Guid, int> expiredHeld)
{
    private readonly List<StockItem> _rows = [.. rows];
    private readonly List<InventoryMovement> _movements = [];
    // Taken as the rows arrive locked, before any movement of this unit of work changes them.
    private readonly Dictionary<Guid, int> _availableWhenLocked = rows.ToDictionary(r => r.Id, r => r.Available(expiredHeld.GetValueOrDefault(r.Id)));

    public IReadOnlyList<Product> Products { get; } = products;

    public IReadOnlyList<StockItem> Rows => _rows;

    public IReadOnlyList<InventoryMovement> Movements => _movements;

    public Product? Product(Guid productId) => Products.FirstOrDefault(p => p.Id == productId);

    public StockItem? Row(Guid productId, Guid? variantId) =>
        _rows.FirstOrDefault(r => r.ProductId == productId && r.VariantId == variantId);

    /// <summary>The quantity expired, not yet swept reservations still count on a row.</summary>
    public int ExpiredHeld(StockItem row) => expiredHeld.GetValueOrDefault(row.Id);

    public int Available(StockItem row) => row.Available(ExpiredHeld(row));

    /// <summary>What can be sold of a product now: every one of its rows (its own and its variants').</summary>
    public int AvailableOf(Guid productId) => _rows.Where(r => r.ProductId == productId).Sum(Available);

    /// <summary>
    /// What a row had available when it was locked, before this unit of work moved it: null for a row opened in it.
    /// The low-stock warning fires on the crossing from above the threshold to at or below it, judged against this.
    /// </summary>
    public int? AvailableWhenLocked(StockItem row) => _availableWhenLocked.TryGetValue(row.Id, out var before) ? before : null;

    internal void Add(StockItem row) => _rows.Add(row);

    internal void Add(InventoryMovement movement) => _movements.Add(movement);
}

/// <summary>A product a seller may change, with its stock rows locked by this transaction.</summary>
public sealed record LockedProduct(LockedStock Stock, Product Product);
