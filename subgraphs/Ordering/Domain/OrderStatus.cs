namespace GoShop.Ordering.Domain;

/// <summary>
/// Where an order stands. The happy path is PENDING_PAYMENT (online payments only) → PENDING → CONFIRMED → SHIPPED →
/// DELIVERED → COMPLETED; CANCELLED ends it before it ships; a return goes DELIVERED → RETURN_REQUESTED → RETURNED →
/// REFUNDED (or back to COMPLETED when the seller rejects it). <see cref="OrderTransitions"/> lists every allowed move.
/// </summary>
public enum OrderStatus
{
    PendingPayment,
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
    ReturnRequested,
    Returned,
    Refunded,
}

/// <summary>How the buyer pays: online (held in escrow by payments) or cash on delivery.</summary>
public enum PaymentMethod
{
    Card,
    EWallet,
    BankTransfer,
    Cod,
}

/// <summary>In which capacity someone moves an order.</summary>
public enum ActorRole
{
    Buyer,
    Seller,
    Shipper,
    Admin,
    System,
}

public static class PaymentMethods
{
    /// <summary>Paid through a gateway before the seller sees the order (anything but cash on delivery).</summary>
    public static bool IsOnline(this PaymentMethod method) => method != PaymentMethod.Cod;
}
