using GoShop.Contracts.Ordering;

namespace GoShop.Analytics.Domain;

/// <summary>
/// One order as analytics counts it, upserted from every order event (each carries the whole order). The status is the
/// one of the latest event by its time, so events arriving out of order leave the same fact; each milestone keeps the
/// earliest time it was reported. What the order earned or lost later (commission on release, refunds) are facts of
/// their own, which may arrive before the order does.
/// </summary>
public sealed class OrderFact
{
    public const string Cancelled = "CANCELLED";
    public const string CashOnDelivery = "COD";

    private OrderFact()
    {
    }

    public Guid OrderId { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid SellerId { get; private set; }

    public Guid BuyerId { get; private set; }

    public string Status { get; private set; } = "";

    /// <summary>When the event that set <see cref="Status"/> happened.</summary>
    public DateTimeOffset StatusAt { get; private set; }

    public string PaymentMethod { get; private set; } = "";

    /// <summary>The lines' total before vouchers and shipping: what the shop sold.</summary>
    public decimal Subtotal { get; private set; }

    /// <summary>Vouchers and coupons taken off the order.</summary>
    public decimal Discount { get; private set; }

    public decimal ShippingFee { get; private set; }

    /// <summary>What the buyer paid (or pays at the door).</summary>
    public decimal Total { get; private set; }

    public string Currency { get; private set; } = "VND";

    public int Units { get; private set; }

    /// <summary>The delivery address's city, for delivery performance by city.</summary>
    public string City { get; private set; } = "";

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>When the shipper picked the parcel up (the order shipped).</summary>
    public DateTimeOffset? ShippedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public List<OrderLineFact> Lines { get; private set; } = [];

    /// <summary>A fact from the first event of an order that analytics hears of, whichever it is.</summary>
    public static OrderFact From(OrderSnapshot order)
    {
        var fact = new OrderFact
        {
            OrderId = order.OrderId,
            ShopId = order.ShopId,
            SellerId = order.SellerId,
            BuyerId = order.BuyerId,
            PaymentMethod = order.PaymentMethod,
            Subtotal = order.Subtotal,
            Discount = order.Discount,
            ShippingFee = order.ShippingFee,
            Total = order.Total,
            Currency = order.Currency,
            Units = order.Lines.Sum(l => l.Quantity),
            City = order.DeliveryAddress.City,
            PlacedAt = order.PlacedAt,
            StatusAt = DateTimeOffset.MinValue,
        };
        fact.Lines = order.Lines.Select((line, index) => OrderLineFact.From(order.OrderId, index + 1, line)).ToList();
        return fact;
    }

    /// <summary>Applies an order event: the status if it is the latest so far, and the milestone it reports.</summary>
    public void Apply(OrderSnapshot order, OrderMilestone milestone, DateTimeOffset occurredAt)
    {
        if (occurredAt >= StatusAt)
        {
            Status = order.Status;
            StatusAt = occurredAt;
        }
        switch (milestone)
        {
            case OrderMilestone.Confirmed: ConfirmedAt = Earliest(ConfirmedAt, occurredAt); break;
            case OrderMilestone.Shipped: ShippedAt = Earliest(ShippedAt, occurredAt); break;
            case OrderMilestone.Delivered: DeliveredAt = Earliest(DeliveredAt, occurredAt); break;
            case OrderMilestone.Completed: CompletedAt = Earliest(CompletedAt, occurredAt); break;
            case OrderMilestone.Cancelled: CancelledAt = Earliest(CancelledAt, occurredAt); break;
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? known, DateTimeOffset reported) =>
        known is { } value && value <= reported ? value : reported;
}

/// <summary>Which moment of an order an event reports.</summary>
public enum OrderMilestone
{
    Placed,
    Confirmed,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
    Other,
}
