using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shipping.Domain;

/// <summary>
/// One allowed move of a shipment: from a status to a status, which actor roles may make it, whether it needs a reason,
/// and whether it frees the shipper's slot.
/// </summary>
public sealed record ShipmentTransition(
    ShipmentStatus From,
    ShipmentStatus To,
    IReadOnlySet<ShipmentActorRole> Actors,
    bool ReasonRequired,
    string Title)
{
    public bool ReleasesShipper => To.IsFinal() && From != ShipmentStatus.AwaitingAssignment;
}

/// <summary>
/// The delivery process as data: <see cref="All"/> is every legal move, <see cref="Decide"/> the guard that picks it and
/// checks the actor and the reason. Delivery's own proof and cash rules are <see cref="Shipment.Deliver"/>'s.
/// </summary>
public static class ShipmentTransitions
{
    private static readonly IReadOnlySet<ShipmentActorRole> System = new HashSet<ShipmentActorRole> { ShipmentActorRole.System };
    private static readonly IReadOnlySet<ShipmentActorRole> Shipper = new HashSet<ShipmentActorRole> { ShipmentActorRole.Shipper };
    private static readonly IReadOnlySet<ShipmentActorRole> Assigners =
        new HashSet<ShipmentActorRole> { ShipmentActorRole.Shipper, ShipmentActorRole.Seller, ShipmentActorRole.Admin };
    private static readonly IReadOnlySet<ShipmentActorRole> Returners =
        new HashSet<ShipmentActorRole> { ShipmentActorRole.Shipper, ShipmentActorRole.Seller, ShipmentActorRole.Admin };

    public static IReadOnlyList<ShipmentTransition> All { get; } =
    [
        // A shipper accepts an offer, or the shop's owner or an admin assigns one.
        new(ShipmentStatus.AwaitingAssignment, ShipmentStatus.Assigned, Assigners, false, "Shipper assigned"),
        new(ShipmentStatus.Assigned, ShipmentStatus.PickedUp, Shipper, false, "Picked up at the shop"),
        new(ShipmentStatus.PickedUp, ShipmentStatus.InTransit, Shipper, false, "On the way"),
        new(ShipmentStatus.InTransit, ShipmentStatus.Delivered, Shipper, false, "Delivered"),
        new(ShipmentStatus.InTransit, ShipmentStatus.FailedDelivery, Shipper, true, "Delivery attempt failed"),
        new(ShipmentStatus.FailedDelivery, ShipmentStatus.InTransit, Shipper, false, "Delivery re-attempted"),
        new(ShipmentStatus.FailedDelivery, ShipmentStatus.ReturnedToShop, Returners, false, "Returned to the shop"),
        // The order was cancelled before pickup (ordering's OrderCancelled).
        new(ShipmentStatus.AwaitingAssignment, ShipmentStatus.Cancelled, System, true, "Cancelled"),
        new(ShipmentStatus.Assigned, ShipmentStatus.Cancelled, System, true, "Cancelled"),
    ];

    /// <summary>
    /// The move from <paramref name="from"/> to <paramref name="to"/> made as <paramref name="role"/>, or why not:
    /// INVALID_TRANSITION when no such move exists, FORBIDDEN_ACTOR when the role may not make it, REASON_REQUIRED.
    /// </summary>
    public static Result<ShipmentTransition> Decide(ShipmentStatus from, ShipmentStatus to, ShipmentActorRole role, string? reason)
    {
        var transition = All.FirstOrDefault(t => t.From == from && t.To == to);
        if (transition is null)
            return ShipmentErrors.InvalidTransition(from, to);
        if (!transition.Actors.Contains(role))
            return ShipmentErrors.ForbiddenActor(to, role);
        if (transition.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            return ShipmentErrors.ReasonRequired;
        return transition;
    }
}
