namespace GoShop.Reviews.Domain;

/// <summary>
/// A delivered order as ordering's events told it: who bought what from which shop, and when it reached the buyer.
/// What a buyer may review is read from here, never asked of ordering at review time.
/// </summary>
public sealed class Purchase
{
    private readonly List<PurchaseLine> _lines = [];

    private Purchase()
    {
    }

    public Purchase(Guid orderId, Guid buyerId, Guid shopId, Guid sellerId, string orderNumber, DateTimeOffset deliveredAt,
        IEnumerable<PurchaseLine> lines)
    {
        OrderId = orderId;
        BuyerId = buyerId;
        ShopId = shopId;
        SellerId = sellerId;
        OrderNumber = orderNumber;
        DeliveredAt = deliveredAt;
        _lines.AddRange(lines);
    }

    public Guid OrderId { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid ShopId { get; private set; }

    /// <summary>The shop's owner when the order was placed: who may reply to its reviews.</summary>
    public Guid SellerId { get; private set; }

    public string OrderNumber { get; private set; } = "";

    public DateTimeOffset DeliveredAt { get; private set; }

    public IReadOnlyList<PurchaseLine> Lines => _lines;

    public DateTimeOffset ReviewableUntil => DeliveredAt + ReviewRules.ReviewWindow;

    public bool IsOpenAt(DateTimeOffset now) => now <= ReviewableUntil;

    /// <summary>Lines of a return that reached the shop: they can no longer be reviewed.</summary>
    public void MarkReturned(Guid productId, Guid? variantId)
    {
        foreach (var line in _lines.Where(l => l.ProductId == productId && l.VariantId == variantId))
            line.Returned = true;
    }
}

/// <summary>One product line of a delivered order, as the buyer saw it (the variant is shown on the review).</summary>
public sealed class PurchaseLine
{
    private PurchaseLine()
    {
    }

    public PurchaseLine(Guid productId, Guid? variantId, string title, string? variantTitle)
    {
        ProductId = productId;
        VariantId = variantId;
        Title = title;
        VariantTitle = variantTitle;
    }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public string Title { get; private set; } = "";

    public string? VariantTitle { get; private set; }

    /// <summary>The line came back with a return that reached the shop.</summary>
    public bool Returned { get; internal set; }
}

/// <summary>A delivery shipment that reached its buyer, as shipping's events told it: its shipper may be reviewed once.</summary>
public sealed class Delivery
{
    private Delivery()
    {
    }

    public Delivery(Guid shipmentId, Guid orderId, Guid buyerId, Guid shopId, Guid shipperId, DateTimeOffset deliveredAt)
    {
        ShipmentId = shipmentId;
        OrderId = orderId;
        BuyerId = buyerId;
        ShopId = shopId;
        ShipperId = shipperId;
        DeliveredAt = deliveredAt;
    }

    public Guid ShipmentId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid ShipperId { get; private set; }

    public DateTimeOffset DeliveredAt { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => now <= DeliveredAt + ReviewRules.ReviewWindow;
}
