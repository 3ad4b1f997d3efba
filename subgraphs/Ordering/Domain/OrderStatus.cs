using System.ComponentModel;

namespace GoShop.Ordering.Domain;

/// <summary>
/// Where an order stands. The happy path is PENDING_PAYMENT (online payments only) → PENDING → CONFIRMED → SHIPPED →
/// DELIVERED → COMPLETED; CANCELLED ends it before it ships; while a return runs (see <see cref="Returns.Return"/>) the
/// order goes DELIVERED → RETURN_REQUESTED → RETURNED → REFUNDED when all of it went back, or COMPLETED when part of it
/// did, or when the seller rejects the return. <see cref="OrderTransitions"/> lists every allowed move.
/// </summary>
public enum OrderStatus
{
    [Description("Placed with an online payment method and waiting for its payment (startPayment). Cancelled by GoShop when the payment fails or is still missing at paymentDueAt.")]
    PendingPayment,

    [Description("Paid, or placed cash on delivery: waiting for the seller to confirm it. Cancelled by GoShop when the shop has not confirmed it within the confirmation time (3 days by default).")]
    Pending,

    [Description("The seller accepted it and is to hand the parcel over for delivery; the buyer, the seller or an admin can still cancel it.")]
    Confirmed,

    [Description("The parcel is on its way: a shipper picked it up, or the seller handed it over (shipOrder).")]
    Shipped,

    [Description("The parcel reached the buyer. The buyer may ask for a return until returnDeadline; after it the order completes by itself.")]
    Delivered,

    [Description("Final: the buyer accepted the order, the return window passed, the seller rejected the return, or the refund of a return of " +
        "part of the order reached the buyer.")]
    Completed,

    [Description("Final: cancelled before it shipped, by the buyer, the seller, an admin or GoShop (payment failed or late, shop did not confirm in time). Its stock goes back on sale, its coupon uses are given back and any payment is refunded.")]
    Cancelled,

    [Description("The buyer asked to return some or all of the delivered order (see returns); waiting for the seller (or an admin) to approve " +
        "or reject it. The order does not complete by itself meanwhile.")]
    ReturnRequested,

    [Description("The seller (or an admin) approved the return: the parcel goes back to the shop, and the buyer is refunded once it arrived.")]
    Returned,

    [Description("Final: every unit of the order went back and the refund of its whole total reached the buyer.")]
    Refunded,
}

/// <summary>How the buyer pays: online (held in escrow by payments) or cash on delivery.</summary>
public enum PaymentMethod
{
    [Description("A debit or credit card, paid online through STRIPE or VNPAY.")]
    Card,

    [Description("An e-wallet, paid online through MOMO or PAYPAL.")]
    EWallet,

    [Description("A bank transfer, paid online through VNPAY.")]
    BankTransfer,

    [Description("Cash on delivery: the shipper collects the order's total from the buyer.")]
    Cod,
}

/// <summary>In which capacity someone moves an order.</summary>
public enum ActorRole
{
    [Description("The order's buyer (also the actor of its placement).")]
    Buyer,

    [Description("The shop's owner as recorded when the order was placed.")]
    Seller,

    [Description("The shipper carrying the parcel: GoShop's shipping picked it up or delivered it.")]
    Shipper,

    [Description("A GoShop admin, acting on any order.")]
    Admin,

    [Description("GoShop itself: a payment arrived or failed, a deadline passed, a refund completed.")]
    System,
}

public static class PaymentMethods
{
    /// <summary>Paid through a gateway before the seller sees the order (anything but cash on delivery).</summary>
    public static bool IsOnline(this PaymentMethod method) => method != PaymentMethod.Cod;
}
