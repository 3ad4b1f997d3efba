namespace GoShop.Contracts.Payments;

/// <summary>
/// The buyer paid for <see cref="OrderIds"/> (one order, or every order of a checkout): the money is captured and
/// held in escrow. Ordering moves each order from PENDING_PAYMENT to PENDING.
/// </summary>
public sealed record PaymentSucceeded(
    Guid PaymentId,
    Guid? CheckoutId,
    IReadOnlyList<Guid> OrderIds,
    decimal Amount,
    string Currency,
    string Method,
    string Gateway,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A payment for <see cref="OrderIds"/> failed for good (declined, cancelled by the buyer at the gateway): ordering
/// cancels those orders and their stock goes back on sale. <see cref="Reason"/> is the provider's code.
/// <see cref="Method"/> and <see cref="Gateway"/> name the attempt as <see cref="PaymentSucceeded"/> does (so success
/// rates per gateway count failures under their own); null in events published before they were added.
/// </summary>
public sealed record PaymentFailed(
    Guid PaymentId,
    Guid? CheckoutId,
    IReadOnlyList<Guid> OrderIds,
    string Reason,
    DateTimeOffset OccurredAt,
    string? Method = null,
    string? Gateway = null) : IIntegrationEvent;

/// <summary>
/// A refund of an order reached the buyer. <see cref="ReturnId"/> names the return it paid for (the one
/// <see cref="GoShop.Contracts.Ordering.ReturnReceived"/> asked for), which ordering then marks REFUNDED; null for any
/// other refund.
/// </summary>
public sealed record RefundCompleted(
    Guid RefundId,
    Guid PaymentId,
    Guid OrderId,
    decimal Amount,
    string Currency,
    DateTimeOffset OccurredAt,
    Guid? ReturnId = null) : IIntegrationEvent;

/// <summary>
/// The money held for an order went to its shop (the buyer confirmed receipt, or the release time after delivery
/// passed): <see cref="Amount"/> released, of which <see cref="Commission"/> is the platform's.
/// </summary>
public sealed record EscrowReleased(
    Guid EscrowId,
    Guid PaymentId,
    Guid OrderId,
    Guid ShopId,
    decimal Amount,
    decimal Commission,
    string Currency,
    string Reason,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
