using System.ComponentModel;

namespace GoShop.Ordering.Domain;

/// <summary>
/// What someone does to an order. Each action leads to exactly one status (<see cref="OrderTransitions.TargetOf"/>);
/// from which statuses and by whom is in <see cref="OrderTransitions.All"/>.
/// </summary>
public enum OrderAction
{
    /// <summary>The payment of an online order arrived (payments' PaymentSucceeded).</summary>
    [Description("GoShop's own: the online payment arrived (PENDING_PAYMENT → PENDING). Never offered to people.")]
    MarkPaid,

    [Description("PENDING → CONFIRMED, by the seller or an admin (confirmOrder).")]
    Confirm,

    [Description("PENDING_PAYMENT, PENDING or CONFIRMED → CANCELLED, by the buyer, the seller or an admin (cancelOrder; the seller and admins must say why), or by GoShop when a payment fails or a deadline passes.")]
    Cancel,

    [Description("CONFIRMED → SHIPPED, by the seller or an admin (shipOrder), or by the shipper picking the parcel up.")]
    Ship,

    [Description("SHIPPED → DELIVERED, by the seller or an admin (markOrderDelivered), or by the shipper delivering the parcel.")]
    MarkDelivered,

    [Description("DELIVERED → COMPLETED, by the buyer (completeOrder), or by GoShop once the return window has passed; also RETURNED → " +
        "COMPLETED by GoShop when the refund of a return of part of the order reached the buyer.")]
    Complete,

    [Description("DELIVERED → RETURN_REQUESTED, by the buyer with a reason, before returnDeadline (requestReturn): some units or the whole order.")]
    RequestReturn,

    [Description("RETURN_REQUESTED → RETURNED, by the seller or an admin (approveReturn), or by GoShop when the shop has not answered within the return decision timeout (3 days): the parcel is fetched from the buyer.")]
    ApproveReturn,

    [Description("RETURN_REQUESTED → COMPLETED, by the seller or an admin with a reason (rejectReturn).")]
    RejectReturn,

    /// <summary>The refund of a whole-order return reached the buyer (payments' RefundCompleted).</summary>
    [Description("GoShop's own: the refund of a return of the whole order reached the buyer (RETURNED → REFUNDED). Never offered to people.")]
    Refund,
}

/// <summary>The integration event a transition publishes (the records are in Contracts/Ordering/OrderEvents.cs).</summary>
public enum OrderEventKind
{
    Confirmed,
    Cancelled,
    Shipped,
    Delivered,
    Completed,
    ReturnRequested,
    ReturnApproved,

    /// <summary>ReturnRejected, then OrderCompleted: the order completes as the return is refused.</summary>
    ReturnRejected,
}

/// <summary>What a timeline entry tells: a move of the order, or news about its payment, shipment or refund.</summary>
public enum OrderTimelineKind
{
    [Description("The order was placed.")]
    Placed,

    [Description("Its online payment arrived.")]
    PaymentReceived,

    [Description("The shop confirmed it.")]
    Confirmed,

    [Description("The parcel was handed over for delivery.")]
    Shipped,

    [Description("The parcel reached the buyer.")]
    Delivered,

    [Description("The order completed.")]
    Completed,

    [Description("The order was cancelled.")]
    Cancelled,

    [Description("The buyer asked to return it.")]
    ReturnRequested,

    [Description("The seller (or an admin) approved the return.")]
    ReturnApproved,

    [Description("The seller (or an admin) rejected the return; the order completed.")]
    ReturnRejected,

    [Description("A refund reached the buyer, with the amount: of a return (the order becomes REFUNDED when all of it went back, else COMPLETED), " +
        "or of a cancelled paid order (its status stays CANCELLED).")]
    Refunded,

    [Description("A shipper picked the return's parcel up at the buyer's and is taking it to the shop.")]
    ReturnPickedUp,

    [Description("The return's parcel reached the shop; the refund is under way.")]
    ReturnReceived,

    [Description("News of the parcel that does not move the order: a shipper is being looked for or is on the way to the shop, a delivery attempt failed, the parcel went back to the shop.")]
    ShipmentUpdate,
}
