namespace GoShop.Contracts.Ordering;

/// <summary>One line of an order, priced when it was placed.</summary>
public sealed record OrderLineSnapshot(
    Guid ProductId,
    Guid? VariantId,
    string Title,
    string? VariantTitle,
    string? Sku,
    int Quantity,
    decimal UnitPrice,
    decimal LineTotal,
    int WeightGrams);

/// <summary>Where an order goes: the buyer's address as it was when the order was placed.</summary>
public sealed record OrderAddressSnapshot(
    string RecipientName,
    string Phone,
    string Line1,
    string? Line2,
    string? Ward,
    string District,
    string City,
    string Country,
    double? Latitude,
    double? Longitude);

/// <summary>
/// An order as other subgraphs keep it (shipping creates a shipment from it, payments holds its money, catalog holds,
/// releases or sells its stock). Every order event carries all of it, so a consumer simply upserts. <see cref="Status"/>
/// is the status after the event; <see cref="PaymentMethod"/> is CARD, E_WALLET, BANK_TRANSFER or COD. The reservation
/// of its stock in catalog is keyed by <see cref="OrderId"/>.
/// </summary>
public sealed record OrderSnapshot(
    Guid OrderId,
    Guid CheckoutId,
    string Number,
    Guid BuyerId,
    Guid ShopId,
    Guid SellerId,
    string Status,
    string PaymentMethod,
    IReadOnlyList<OrderLineSnapshot> Lines,
    decimal Subtotal,
    decimal ShippingFee,
    decimal Tax,
    decimal Discount,
    decimal Total,
    string Currency,
    IReadOnlyList<string> CouponCodes,
    int WeightGrams,
    double ShopLatitude,
    double ShopLongitude,
    OrderAddressSnapshot DeliveryAddress,
    DateTimeOffset PlacedAt);

/// <summary>Who moved an order: BUYER, SELLER, SHIPPER, ADMIN or SYSTEM, the user when a person did, and why.</summary>
public sealed record OrderActor(string Role, Guid? UserId, string? Reason);

/// <summary>A buyer placed an order (one per shop of a checkout); its stock is held under the order's id.</summary>
public sealed record OrderPlaced(OrderSnapshot Order, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The seller accepted the order: it is to be packed and handed to a shipper.</summary>
public sealed record OrderConfirmed(OrderSnapshot Order, OrderActor Actor, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The order was cancelled before it shipped (by the buyer, the seller, or the system when it went unpaid): its stock
/// goes back on sale, its coupon uses are given back, and a paid order is refunded.
/// </summary>
public sealed record OrderCancelled(OrderSnapshot Order, OrderActor Actor, string FromStatus, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The parcel left the shop.</summary>
public sealed record OrderShipped(OrderSnapshot Order, OrderActor Actor, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The parcel reached the buyer: its held stock is sold.</summary>
public sealed record OrderDelivered(OrderSnapshot Order, OrderActor Actor, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The buyer confirmed receipt, or the return window passed: the sale is final.</summary>
public sealed record OrderCompleted(OrderSnapshot Order, OrderActor Actor, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The buyer asked to return some lines (or units of them) of a delivered order, or all of it. <see cref="Return"/> is
/// null only in messages written before returns went by line.
/// </summary>
public sealed record ReturnRequested(OrderSnapshot Order, OrderActor Actor, DateTimeOffset OccurredAt, ReturnSnapshot? Return = null)
    : IIntegrationEvent;

/// <summary>
/// The seller accepted the return: shipping creates a return shipment from the buyer's address to the shop
/// (<see cref="GoShop.Contracts.Shipping.ShipmentKinds.Return"/>); the refund follows the parcel's receipt
/// (<see cref="ReturnReceived"/>). <see cref="Return"/> is null only in messages written before returns went by line,
/// which meant "refund the whole order now".
/// </summary>
public sealed record ReturnApproved(OrderSnapshot Order, OrderActor Actor, DateTimeOffset OccurredAt, ReturnSnapshot? Return = null)
    : IIntegrationEvent;

/// <summary>The seller (or an admin) refused the return, with a reason: nothing goes back and nothing is refunded.</summary>
public sealed record ReturnRejected(OrderSnapshot Order, ReturnSnapshot Return, OrderActor Actor, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// The returned parcel reached the shop (its return shipment was delivered): catalog puts the units back in stock (a
/// RETURN movement per line) and payments refunds <see cref="ReturnSnapshot.RefundAmount"/> of the order; ordering then
/// marks the return REFUNDED on <see cref="GoShop.Contracts.Payments.RefundCompleted"/>.
/// </summary>
public sealed record ReturnReceived(OrderSnapshot Order, ReturnSnapshot Return, DateTimeOffset OccurredAt) : IIntegrationEvent;
