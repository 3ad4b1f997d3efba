namespace GoShop.Catalog.Domain;

/// <summary>
/// One entry of the inventory ledger. The deltas say exactly what the movement did to its stock row, so the row's
/// totals are the sums of its movements' deltas; the totals after the movement are kept for reading the history.
/// </summary>
public sealed class InventoryMovement
{
    public const int MaxReason = 200;

    private InventoryMovement()
    {
    }

    public Guid Id { get; private set; }

    public Guid StockItemId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public MovementKind Kind { get; private set; }

    /// <summary>How many units moved (always positive; the deltas carry the direction).</summary>
    public int Quantity { get; private set; }

    public int OnHandDelta { get; private set; }

    public int ReservedDelta { get; private set; }

    public int OnHandAfter { get; private set; }

    public int ReservedAfter { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>The person who made an adjustment; null for movements of an order.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The order a reservation, release, sale or return belongs to.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>The order's return that brought units back (a RETURN movement); null for every other kind.</summary>
    public Guid? ReturnId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    internal static InventoryMovement Of(StockItem stock, MovementKind kind, int quantity, int onHandDelta, int reservedDelta,
        string reason, Guid? actorId, Guid? orderId, DateTimeOffset now, Guid? returnId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        StockItemId = stock.Id,
        ProductId = stock.ProductId,
        VariantId = stock.VariantId,
        Kind = kind,
        Quantity = quantity,
        OnHandDelta = onHandDelta,
        ReservedDelta = reservedDelta,
        OnHandAfter = stock.OnHand,
        ReservedAfter = stock.Reserved,
        Reason = reason,
        ActorId = actorId,
        OrderId = orderId,
        ReturnId = returnId,
        OccurredAt = now,
    };
}
