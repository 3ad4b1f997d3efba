namespace GoShop.Ordering.Domain;

/// <summary>
/// What someone does to an order. Each action leads to exactly one status (<see cref="OrderTransitions.TargetOf"/>);
/// from which statuses and by whom is in <see cref="OrderTransitions.All"/>.
/// </summary>
public enum OrderAction
{
    /// <summary>The payment of an online order arrived (payments' PaymentSucceeded).</summary>
    MarkPaid,
    Confirm,
    Cancel,
    Ship,
    MarkDelivered,
    Complete,
    RequestReturn,
    ApproveReturn,
    RejectReturn,
    /// <summary>The refund of an approved return reached the buyer (payments' RefundCompleted).</summary>
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
    Placed,
    PaymentReceived,
    Confirmed,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
    ReturnRequested,
    ReturnApproved,
    ReturnRejected,
    Refunded,
    ShipmentUpdate,
}
