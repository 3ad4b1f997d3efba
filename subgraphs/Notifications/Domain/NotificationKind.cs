namespace GoShop.Notifications.Domain;

/// <summary>
/// One kind of notification: its category, which template variables it offers, and how it travels. <see cref="Urgent"/>
/// kinds go out at once whatever the quiet hours, and may go by SMS; <see cref="Marketing"/> kinds carry an unsubscribe
/// link in their email.
/// </summary>
public sealed record NotificationKind(string Name, NotificationCategory Category, IReadOnlyList<string> Variables, bool Urgent = false,
    bool Marketing = false);

/// <summary>Every kind GoShop sends, by name (the kind field of a notification and the key of its templates).</summary>
public static class NotificationKinds
{
    /// <summary>Offered to every template besides the kind's own variables.</summary>
    public static readonly IReadOnlyList<string> CommonVariables = ["recipient_name"];

    private static readonly string[] Order = ["order_number", "total", "currency"];

    public static NotificationKind OrderPlaced { get; } = new("ORDER_PLACED", NotificationCategory.Orders, Order);
    public static NotificationKind OrderConfirmed { get; } = new("ORDER_CONFIRMED", NotificationCategory.Orders, Order);
    public static NotificationKind OrderCancelled { get; } = new("ORDER_CANCELLED", NotificationCategory.Orders, [.. Order, "reason"]);
    public static NotificationKind OrderShipped { get; } = new("ORDER_SHIPPED", NotificationCategory.Orders, Order);
    public static NotificationKind OrderDelivered { get; } = new("ORDER_DELIVERED", NotificationCategory.Orders, Order);
    public static NotificationKind ReturnApproved { get; } = new("RETURN_APPROVED", NotificationCategory.Orders, Order);
    public static NotificationKind PaymentSucceeded { get; } = new("PAYMENT_SUCCEEDED", NotificationCategory.Payments, ["order_number", "amount", "currency"]);
    public static NotificationKind PaymentFailed { get; } = new("PAYMENT_FAILED", NotificationCategory.Payments, ["order_number", "reason"], Urgent: true);
    public static NotificationKind RefundCompleted { get; } = new("REFUND_COMPLETED", NotificationCategory.Payments, ["order_number", "amount", "currency"]);
    public static NotificationKind ShipmentAssigned { get; } = new("SHIPMENT_ASSIGNED", NotificationCategory.Shipping, ["order_number", "tracking_number"]);
    public static NotificationKind ShipmentPickedUp { get; } = new("SHIPMENT_PICKED_UP", NotificationCategory.Shipping, ["order_number", "tracking_number"]);
    public static NotificationKind DeliveryFailed { get; } = new("DELIVERY_FAILED", NotificationCategory.Shipping,
        ["order_number", "tracking_number", "reason"], Urgent: true);
    public static NotificationKind ShipmentDelivered { get; } = new("SHIPMENT_DELIVERED", NotificationCategory.Shipping, ["order_number", "tracking_number"]);
    public static NotificationKind ShipmentOffered { get; } = new("SHIPMENT_OFFERED", NotificationCategory.Shipping, ["tracking_number", "expires_at"]);
    public static NotificationKind PriceAlert { get; } = new("PRICE_ALERT", NotificationCategory.PriceAlerts,
        ["product_title", "price", "target_price", "currency", "back_in_stock"], Marketing: true);
    public static NotificationKind ReviewPosted { get; } = new("REVIEW_POSTED", NotificationCategory.Reviews, ["rating", "title", "subject"]);
    public static NotificationKind ReviewReplied { get; } = new("REVIEW_REPLIED", NotificationCategory.Reviews, ["reply", "edited"]);
    public static NotificationKind Welcome { get; } = new("WELCOME", NotificationCategory.Account, []);
    public static NotificationKind NewOrder { get; } = new("NEW_ORDER", NotificationCategory.Selling, Order);
    public static NotificationKind OrderCancelledForSeller { get; } = new("SHOP_ORDER_CANCELLED", NotificationCategory.Selling, [.. Order, "reason"]);
    public static NotificationKind ReturnRequested { get; } = new("RETURN_REQUESTED", NotificationCategory.Selling, [.. Order, "reason"]);
    public static NotificationKind EscrowReleased { get; } = new("ESCROW_RELEASED", NotificationCategory.Selling, ["order_number", "amount", "currency"]);
    public static NotificationKind LowStock { get; } = new("LOW_STOCK", NotificationCategory.Selling, ["product_title", "available", "threshold"]);

    public static IReadOnlyList<NotificationKind> All { get; } =
    [
        OrderPlaced, OrderConfirmed, OrderCancelled, OrderShipped, OrderDelivered, ReturnApproved, PaymentSucceeded, PaymentFailed,
        RefundCompleted, ShipmentAssigned, ShipmentPickedUp, DeliveryFailed, ShipmentDelivered, ShipmentOffered, PriceAlert, ReviewPosted,
        ReviewReplied, Welcome, NewOrder, OrderCancelledForSeller, ReturnRequested, EscrowReleased, LowStock,
    ];

    private static readonly Dictionary<string, NotificationKind> ByName = All.ToDictionary(k => k.Name);

    public static NotificationKind? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The marketing categories a person may take as a daily digest instead of one email and push each.</summary>
    public static bool Digestible(NotificationCategory category) => category is NotificationCategory.Promotions or NotificationCategory.PriceAlerts;

    /// <summary>
    /// Categories whose every kind is transactional or about security: a person cannot switch them off in the app (they
    /// may still turn off their email, push and SMS).
    /// </summary>
    public static bool InAppRequired(NotificationCategory category) => category is NotificationCategory.Orders
        or NotificationCategory.Payments or NotificationCategory.Shipping or NotificationCategory.Account or NotificationCategory.Selling;
}
