using GoShop.BuildingBlocks.Domain;

namespace GoShop.Catalog.Domain;

/// <summary>
/// The stock of a product (or one variant of it): the cached totals of its ledger, kept in the same transaction as
/// every <see cref="InventoryMovement"/> written through the methods here, so the row and the ledger always agree.
/// <para>
/// Reservations past their expiry stop counting at once, before the sweeper releases them: callers pass
/// <c>expiredHeld</c>, the quantity still counted in <see cref="Reserved"/> by expired reservations, and availability
/// excludes it.
/// </para>
/// </summary>
public sealed class StockItem
{
    private StockItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public Guid ShopId { get; private set; }

    public int OnHand { get; private set; }

    /// <summary>Held by reservations not yet committed or released (expired ones included until swept).</summary>
    public int Reserved { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static StockItem For(Product product, ProductVariant? variant, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProductId = product.Id,
        VariantId = variant?.Id,
        ShopId = product.ShopId,
        UpdatedAt = now,
    };

    /// <summary>Reserved by reservations that have not expired.</summary>
    public int LiveReserved(int expiredHeld) => Math.Max(0, Reserved - expiredHeld);

    public int Available(int expiredHeld) => Math.Max(0, OnHand - LiveReserved(expiredHeld));

    public Result<InventoryMovement> Adjust(int delta, int expiredHeld, string reason, Guid actorId, DateTimeOffset now)
    {
        if (OnHand + delta < 0)
            return CatalogErrors.StockNegative;
        if (OnHand + delta < LiveReserved(expiredHeld))
            return CatalogErrors.StockBelowReserved;
        return Move(MovementKind.Adjustment, Math.Abs(delta), delta, 0, reason, actorId, null, now);
    }

    /// <summary>Holds stock for an order, or answers null when not enough is available.</summary>
    public InventoryMovement? Reserve(int quantity, int expiredHeld, Guid orderId, DateTimeOffset now) =>
        Available(expiredHeld) < quantity
            ? null
            : Move(MovementKind.Reservation, quantity, 0, quantity, "Reserved for checkout", null, orderId, now);

    public InventoryMovement Release(int quantity, Guid orderId, string reason, DateTimeOffset now) =>
        Move(MovementKind.Release, quantity, 0, -quantity, reason, null, orderId, now);

    public InventoryMovement Sell(int quantity, Guid orderId, DateTimeOffset now) =>
        Move(MovementKind.Sale, quantity, -quantity, -quantity, "Sold", null, orderId, now);

    /// <summary>Units of a delivered order came back with one of its returns: they are on hand (and on sale) again.</summary>
    public InventoryMovement Return(int quantity, Guid orderId, Guid returnId, string reason, DateTimeOffset now) =>
        Move(MovementKind.Return, quantity, quantity, 0, reason, null, orderId, now, returnId);

    private InventoryMovement Move(MovementKind kind, int quantity, int onHandDelta, int reservedDelta, string reason, Guid? actorId, Guid? orderId,
        DateTimeOffset now, Guid? returnId = null)
    {
        OnHand += onHandDelta;
        Reserved += reservedDelta;
        UpdatedAt = now;
        return InventoryMovement.Of(this, kind, quantity, onHandDelta, reservedDelta, reason, actorId, orderId, now, returnId);
    }
}
