using GoShop.Contracts.Ordering;

namespace GoShop.Payments.Domain;

/// <summary>
/// Payments' copy of an order, from ordering's events and lookups: who bought from whom, how it is paid, where it
/// stands (a late payment of a cancelled order is refunded; delivery starts the escrow clock) and its lines and fees
/// for receipts. Upserted from every newer snapshot.
/// </summary>
public sealed class OrderRecord
{
    private OrderRecord()
    {
    }

    public Guid OrderId { get; private set; }

    public Guid CheckoutId { get; private set; }

    public string Number { get; private set; } = "";

    public Guid BuyerId { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid SellerId { get; private set; }

    public string Status { get; private set; } = "";

    public string PaymentMethod { get; private set; } = "";

    public decimal Subtotal { get; private set; }

    public decimal ShippingFee { get; private set; }

    public decimal Tax { get; private set; }

    public decimal Discount { get; private set; }

    public decimal Total { get; private set; }

    public string Currency { get; private set; } = "VND";

    public List<ReceiptLine> Lines { get; private set; } = [];

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsCancelled => Status == "CANCELLED";

    public static OrderRecord From(OrderSnapshot snapshot, DateTimeOffset at)
    {
        var record = new OrderRecord { OrderId = snapshot.OrderId };
        record.Update(snapshot, at);
        return record;
    }

    /// <summary>Takes the snapshot's state. A status learnt from an event (CANCELLED, DELIVERED) is not undone by an older lookup.</summary>
    public void Update(OrderSnapshot snapshot, DateTimeOffset at, DateTimeOffset? deliveredAt = null)
    {
        CheckoutId = snapshot.CheckoutId;
        Number = snapshot.Number;
        BuyerId = snapshot.BuyerId;
        ShopId = snapshot.ShopId;
        SellerId = snapshot.SellerId;
        if (!IsFinal(Status) || IsFinal(snapshot.Status))
            Status = snapshot.Status;
        PaymentMethod = snapshot.PaymentMethod;
        Subtotal = snapshot.Subtotal;
        ShippingFee = snapshot.ShippingFee;
        Tax = snapshot.Tax;
        Discount = snapshot.Discount;
        Total = snapshot.Total;
        Currency = snapshot.Currency;
        Lines = snapshot.Lines.Select(l => new ReceiptLine(l.Title, l.VariantTitle, l.Sku, l.Quantity, l.UnitPrice, l.LineTotal)).ToList();
        PlacedAt = snapshot.PlacedAt;
        DeliveredAt ??= deliveredAt;
        UpdatedAt = at;
    }

    private static bool IsFinal(string status) => status is "CANCELLED" or "DELIVERED" or "COMPLETED" or "RETURN_REQUESTED" or "RETURNED" or "REFUNDED";
}

/// <summary>A line of an order as sold, kept for receipts.</summary>
public sealed record ReceiptLine(string Title, string? VariantTitle, string? Sku, int Quantity, decimal UnitPrice, decimal LineTotal);
