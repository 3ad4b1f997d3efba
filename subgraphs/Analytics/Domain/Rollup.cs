namespace GoShop.Analytics.Domain;

/// <summary>
/// The sums of one scope (a shop, a product or a category) over one bucket (an hour, or a day in Asia/Ho_Chi_Minh).
/// Order figures are counted in the bucket the order was placed in (its whole life: confirmation, delivery, refunds,
/// commission), views and cart adds in the bucket they happened in. Written only by <c>RollupMaintainer</c>, which
/// recomputes a shop's day from the facts whenever one of its facts changes, and can rebuild them all.
/// </summary>
public sealed class Rollup
{
    private Rollup()
    {
    }

    public RollupScope Scope { get; private set; }

    public Guid ScopeId { get; private set; }

    public RollupGrain Grain { get; private set; }

    public DateTimeOffset BucketStart { get; private set; }

    /// <summary>The shop of a shop's or a product's rollup; null for a category's (it spans shops).</summary>
    public Guid? ShopId { get; private set; }

    /// <summary>Orders placed, cancelled ones included.</summary>
    public int PlacedOrders { get; private set; }

    public int CancelledOrders { get; private set; }

    /// <summary>Orders placed and not cancelled; a product's or category's: orders with a line of it.</summary>
    public int Orders { get; private set; }

    public int Units { get; private set; }

    /// <summary>Subtotals (lines before vouchers and shipping) of the orders not cancelled; a product's: its lines.</summary>
    public decimal GrossSales { get; private set; }

    public decimal Discounts { get; private set; }

    public decimal Commission { get; private set; }

    public decimal Refunds { get; private set; }

    public int CodOrders { get; private set; }

    public int DeliveredOrders { get; private set; }

    public int ReturnedOrders { get; private set; }

    public int ConfirmCount { get; private set; }

    public double ConfirmSeconds { get; private set; }

    public int HandoverCount { get; private set; }

    public double HandoverSeconds { get; private set; }

    public int DeliveryCount { get; private set; }

    public double DeliverySeconds { get; private set; }

    public int Shipments { get; private set; }

    public int FailedShipments { get; private set; }

    public int Views { get; private set; }

    public int CartAdds { get; private set; }
}

public enum RollupScope
{
    Shop,
    Product,
    Category,
}

public enum RollupGrain
{
    Hour,
    Day,
}
