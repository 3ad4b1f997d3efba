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

    [Description("DELIVERED → COMPLETED, by the buyer (completeOrder), or by GoShop once the return window has passed.")]
    Complete,

    [Description("DELIVERED → RETURN_REQUESTED, by the buyer with a reason, before returnDeadline (requestReturn).")]
    RequestReturn,

    [Description("RETURN_REQUESTED → RETURNED, by the seller or an admin (approveReturn).")]
    ApproveReturn,

    [Description("RETURN_REQUESTED → COMPLETED, by the seller or an admin with a reason (rejectReturn).")]
    RejectReturn,

    /// <summary>The refund of an approved return reached the buyer (payments' RefundCompleted).</summary>
    [Description("GoShop's own: the refund of a returned order reached the buyer (RETURNED → REFUNDED). Never offered to people.")]
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

    [Description("A refund reached the buyer: of a returned order (it becomes REFUNDED), or of a cancelled paid one (its status stays CANCELLED).")]
    Refunded,

    [Description("News of the parcel that does not move the order: a shipper is being looked for or is on the way to the shop, a delivery attempt failed, the parcel went back to the shop.")]
    ShipmentUpdate,
}
