namespace GoShop.Payments.Domain;

/// <summary>
/// Cash a shipper collected at the door for a cash-on-delivery order: the shipper owes it to the platform until an
/// admin records that it was handed over (a settlement).
/// </summary>
public sealed class CodDebt
{
    private CodDebt()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShipperId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid ShipmentId { get; private set; }

    public Guid PaymentId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    public DateTimeOffset CollectedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public Guid? SettledBy { get; private set; }

    public static CodDebt Collected(Guid shipperId, Guid orderId, Guid shipmentId, Guid paymentId, decimal amount, string currency, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        ShipperId = shipperId,
        OrderId = orderId,
        ShipmentId = shipmentId,
        PaymentId = paymentId,
        Amount = amount,
        Currency = currency,
        CollectedAt = at,
    };

    public void Settle(Guid adminId, DateTimeOffset at)
    {
        SettledAt ??= at;
        SettledBy ??= adminId;
    }
}
