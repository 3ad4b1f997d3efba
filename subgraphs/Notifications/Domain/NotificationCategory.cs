using System.ComponentModel;

namespace GoShop.Notifications.Domain;

/// <summary>What a notification is about, the unit people switch notifications on and off by.</summary>
public enum NotificationCategory
{
    [Description("The buyer's orders: placed, confirmed, cancelled, shipped, delivered, returns.")]
    Orders,

    [Description("Payments and refunds of the buyer's orders.")]
    Payments,

    [Description("Deliveries: a shipper assigned, the parcel picked up, a failed attempt, delivered; offers of shipments to shippers.")]
    Shipping,

    [Description("Deals and campaigns from GoShop and shops (marketing).")]
    Promotions,

    [Description("A price alert the buyer set fired: the product reached the target price or is back in stock (marketing).")]
    PriceAlerts,

    [Description("Reviews: a buyer reviewed the seller's shop or products, a shop answered the buyer's review.")]
    Reviews,

    [Description("The account itself: welcome and security messages.")]
    Account,

    [Description("For sellers: new orders, return requests, money released, stock running low.")]
    Selling,
}

/// <summary>How a notification reaches a person.</summary>
public enum NotificationChannel
{
    [Description("The inbox in the app (the notifications query and the notificationReceived subscription).")]
    InApp,

    [Description("An email to the account's address.")]
    Email,

    [Description("A web push to the browsers the user registered with registerPushDevice.")]
    Push,

    [Description("A text message to the user's phone; only for urgent kinds (a failed payment or delivery).")]
    Sms,
}
