using GoShop.BuildingBlocks.Domain;

namespace GoShop.Ordering.Domain;

/// <summary>
/// One allowed move of an order: from a status, by an action, to a status; which actor roles may make it, of which
/// a reason is required, whether it needs the return window still open, the integration event it publishes (none for
/// the moves payments itself reports) and the timeline entry it writes.
/// </summary>
public sealed record OrderTransition(
    OrderStatus From,
    OrderAction Action,
    OrderStatus To,
    IReadOnlySet<ActorRole> Actors,
    IReadOnlySet<ActorRole> ReasonRequiredOf,
    bool NeedsOpenReturnWindow,
    OrderEventKind? Event,
    OrderTimelineKind Timeline,
    string Title)
{
    public bool RequiresReasonOf(ActorRole role) => ReasonRequiredOf.Contains(role);
}

/// <summary>
/// The order process as data (Vendure-style): <see cref="All"/> is every legal move, <see cref="Decide"/> the guard
/// that picks the move for an action and checks the actor, the reason and the return window. Anything not listed is
/// refused with a typed error, never an exception.
/// </summary>
public static class OrderTransitions
{
    private static readonly IReadOnlySet<ActorRole> Nobody = new HashSet<ActorRole>();
    private static readonly IReadOnlySet<ActorRole> System = new HashSet<ActorRole> { ActorRole.System };
    private static readonly IReadOnlySet<ActorRole> Buyer = new HashSet<ActorRole> { ActorRole.Buyer };
    private static readonly IReadOnlySet<ActorRole> BuyerOrSystem = new HashSet<ActorRole> { ActorRole.Buyer, ActorRole.System };
    private static readonly IReadOnlySet<ActorRole> SellerSide = new HashSet<ActorRole> { ActorRole.Seller, ActorRole.Admin };
    // A return its shop leaves unanswered is approved by the clock (Ordering:ReturnDecisionTimeout).
    private static readonly IReadOnlySet<ActorRole> SellerSideOrSystem = new HashSet<ActorRole> { ActorRole.Seller, ActorRole.Admin, ActorRole.System };
    private static readonly IReadOnlySet<ActorRole> Carriers = new HashSet<ActorRole> { ActorRole.Seller, ActorRole.Admin, ActorRole.Shipper };
    private static readonly IReadOnlySet<ActorRole> Cancellers = new HashSet<ActorRole> { ActorRole.Buyer, ActorRole.Seller, ActorRole.Admin, ActorRole.System };
    private static readonly IReadOnlySet<ActorRole> ExplainingCancellers = new HashSet<ActorRole> { ActorRole.Seller, ActorRole.Admin, ActorRole.System };

    /// <summary>Every legal move. Admins may do whatever the seller may; the buyer cancels without giving a reason.</summary>
    public static IReadOnlyList<OrderTransition> All { get; } =
    [
        new(OrderStatus.PendingPayment, OrderAction.MarkPaid, OrderStatus.Pending, System, Nobody, false, null,
            OrderTimelineKind.PaymentReceived, "Payment received"),
        new(OrderStatus.Pending, OrderAction.Confirm, OrderStatus.Confirmed, SellerSide, Nobody, false, OrderEventKind.Confirmed,
            OrderTimelineKind.Confirmed, "Confirmed by the shop"),
        new(OrderStatus.PendingPayment, OrderAction.Cancel, OrderStatus.Cancelled, Cancellers, ExplainingCancellers, false, OrderEventKind.Cancelled,
            OrderTimelineKind.Cancelled, "Cancelled"),
        new(OrderStatus.Pending, OrderAction.Cancel, OrderStatus.Cancelled, Cancellers, ExplainingCancellers, false, OrderEventKind.Cancelled,
            OrderTimelineKind.Cancelled, "Cancelled"),
        new(OrderStatus.Confirmed, OrderAction.Cancel, OrderStatus.Cancelled, Cancellers, ExplainingCancellers, false, OrderEventKind.Cancelled,
            OrderTimelineKind.Cancelled, "Cancelled"),
        new(OrderStatus.Confirmed, OrderAction.Ship, OrderStatus.Shipped, Carriers, Nobody, false, OrderEventKind.Shipped,
            OrderTimelineKind.Shipped, "Handed over for delivery"),
        new(OrderStatus.Shipped, OrderAction.MarkDelivered, OrderStatus.Delivered, Carriers, Nobody, false, OrderEventKind.Delivered,
            OrderTimelineKind.Delivered, "Delivered"),
        new(OrderStatus.Delivered, OrderAction.Complete, OrderStatus.Completed, BuyerOrSystem, Nobody, false, OrderEventKind.Completed,
            OrderTimelineKind.Completed, "Completed"),
        new(OrderStatus.Delivered, OrderAction.RequestReturn, OrderStatus.ReturnRequested, Buyer, Buyer, true, OrderEventKind.ReturnRequested,
            OrderTimelineKind.ReturnRequested, "Return requested"),
        new(OrderStatus.ReturnRequested, OrderAction.ApproveReturn, OrderStatus.Returned, SellerSideOrSystem, Nobody, false, OrderEventKind.ReturnApproved,
            OrderTimelineKind.ReturnApproved, "Return approved"),
        new(OrderStatus.ReturnRequested, OrderAction.RejectReturn, OrderStatus.Completed, SellerSide, SellerSide, false, OrderEventKind.ReturnRejected,
            OrderTimelineKind.ReturnRejected, "Return rejected"),
        new(OrderStatus.Returned, OrderAction.Refund, OrderStatus.Refunded, System, Nobody, false, null,
            OrderTimelineKind.Refunded, "Refunded"),
        // A return of part of the order was refunded: the rest of the sale is final.
        new(OrderStatus.Returned, OrderAction.Complete, OrderStatus.Completed, System, Nobody, false, OrderEventKind.Completed,
            OrderTimelineKind.Completed, "Completed"),
    ];

    /// <summary>The status an action leads to, wherever it starts.</summary>
    public static OrderStatus TargetOf(OrderAction action) => action switch
    {
        OrderAction.MarkPaid => OrderStatus.Pending,
        OrderAction.Confirm => OrderStatus.Confirmed,
        OrderAction.Cancel => OrderStatus.Cancelled,
        OrderAction.Ship => OrderStatus.Shipped,
        OrderAction.MarkDelivered => OrderStatus.Delivered,
        OrderAction.Complete => OrderStatus.Completed,
        OrderAction.RequestReturn => OrderStatus.ReturnRequested,
        OrderAction.ApproveReturn => OrderStatus.Returned,
        OrderAction.RejectReturn => OrderStatus.Completed,
        OrderAction.Refund => OrderStatus.Refunded,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>
    /// The move an action makes from <paramref name="from"/> and the role it is made in (the first of
    /// <paramref name="roles"/> the move allows), or why it cannot be made: INVALID_TRANSITION when no such move exists,
    /// FORBIDDEN_ACTOR when none of the roles may make it, REASON_REQUIRED, RETURN_WINDOW_CLOSED.
    /// </summary>
    public static Result<Decision> Decide(OrderStatus from, OrderAction action, IReadOnlyList<ActorRole> roles, string? reason, bool returnWindowOpen)
    {
        var transition = All.FirstOrDefault(t => t.From == from && t.Action == action);
        if (transition is null)
            return OrderErrors.InvalidTransition(from, TargetOf(action));
        var allowed = roles.Where(transition.Actors.Contains).ToList();
        if (allowed.Count == 0)
            return OrderErrors.ForbiddenActor(action, roles);
        var role = allowed[0];
        if (transition.RequiresReasonOf(role) && string.IsNullOrWhiteSpace(reason))
            return OrderErrors.ReasonRequired;
        if (transition.NeedsOpenReturnWindow && !returnWindowOpen)
            return OrderErrors.ReturnWindowClosed;
        return new Decision(transition, role);
    }
}

/// <summary>The move chosen for an action and the role of the actor making it.</summary>
public sealed record Decision(OrderTransition Transition, ActorRole Role);
