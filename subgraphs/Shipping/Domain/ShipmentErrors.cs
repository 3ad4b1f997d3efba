using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shipping.Domain;

/// <summary>The expected failures of the shipping domain, with their stable codes.</summary>
public static class ShipmentErrors
{
    public static DomainError ShipmentNotFound { get; } = new("SHIPMENT_NOT_FOUND", "No shipment with this id exists.", "shipmentId");
    public static DomainError ShipperNotFound { get; } = new("SHIPPER_NOT_FOUND", "No shipper with this id exists.", "shipperId");
    public static DomainError NotAShipper { get; } = new("NOT_A_SHIPPER", "Register as a shipper first.");
    public static DomainError NotAssignedShipper { get; } = new("NOT_ASSIGNED_SHIPPER", "Only the shipper assigned to this shipment can do this.", "shipmentId");
    public static DomainError NotShopOwner { get; } = new("NOT_SHOP_OWNER", "Only the shop's owner or an admin can assign a shipper.", "shipmentId");
    public static DomainError NoOffer { get; } = new("NO_OFFER", "This shipment is not offered to you (the offer may have expired).", "shipmentId");
    public static DomainError AlreadyAssigned { get; } = new("ALREADY_ASSIGNED", "This shipment already has a shipper.", "shipmentId");
    public static DomainError ShipperOffline { get; } = new("SHIPPER_OFFLINE", "The shipper is offline.", "shipperId");
    public static DomainError ShipperSuspended { get; } = new("SHIPPER_SUSPENDED", "Your account is suspended; you cannot take shipments until an admin reinstates it.", "status");
    public static DomainError AtCapacity { get; } = new("SHIPPER_AT_CAPACITY", "The shipper already carries as many parcels as the vehicle allows.", "shipperId");
    public static DomainError ReasonRequired { get; } = new("REASON_REQUIRED", "Say why: this change needs a reason.", "note");
    public static DomainError ProofRequired { get; } = new("PROOF_REQUIRED", "A delivery needs proof: a photo (proofMediaId) or the recipient's name.", "proofMediaId");
    public static DomainError CodAmountRequired { get; } = new("COD_AMOUNT_REQUIRED", "This parcel is paid on delivery: say how much cash you collected.", "codCollected");
    public static DomainError InvalidLocation { get; } = new("INVALID_LOCATION", "Latitude must be within -90..90 and longitude within -180..180.", "location");
    public static DomainError RateLimited { get; } = new("RATE_LIMITED", "Too many location reports; slow down.", "location");
    public static DomainError InvalidStatus { get; } = new("INVALID_STATUS", "A shipper can only set OFFLINE or AVAILABLE; BUSY follows from the load.", "status");
    public static DomainError HasActiveShipments { get; } = new("HAS_ACTIVE_SHIPMENTS", "Finish or hand back your shipments before going offline.", "status");
    public static DomainError InvalidRadius { get; } = new("INVALID_RADIUS", "The radius must be more than 0 and at most 100 km.", "radiusKm");

    public static DomainError CodAmountMismatch(decimal due, string currency) =>
        new("COD_AMOUNT_MISMATCH", $"The cash collected must be exactly {due:0.##} {currency}.", "codCollected");

    public static DomainError InvalidTransition(ShipmentStatus from, ShipmentStatus to) =>
        new("INVALID_TRANSITION", $"This shipment cannot go from {from.ToContractName()} to {to.ToContractName()}.", "status");

    public static DomainError ForbiddenActor(ShipmentStatus to, ShipmentActorRole role) =>
        new("FORBIDDEN_ACTOR", $"As {role.ToContractName()} you cannot move a shipment to {to.ToContractName()}.", "status");
}
