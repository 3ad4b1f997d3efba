using GoShop.Shipping.Domain;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

public sealed class ShipmentStatusType : EnumerationGraphType<ShipmentStatus>
{
    public ShipmentStatusType()
    {
        Name = "ShipmentStatus";
        Description = "AWAITING_ASSIGNMENT → ASSIGNED → PICKED_UP → IN_TRANSIT → DELIVERED; FAILED_DELIVERY (a failed attempt) → IN_TRANSIT " +
            "(re-attempt) or RETURNED_TO_SHOP; CANCELLED when the order is cancelled before pickup.";
    }
}

public sealed class ShipmentKindType : EnumerationGraphType<ShipmentKind>
{
    public ShipmentKindType()
    {
        Name = "ShipmentKind";
        Description = "What a shipment carries: DELIVERY (an order to its buyer) or RETURN (a returned parcel from the buyer back to the shop).";
    }
}

public sealed class ShipmentActorRoleType : EnumerationGraphType<ShipmentActorRole>
{
    public ShipmentActorRoleType()
    {
        Name = "ShipmentActorRole";
        Description = "In which capacity someone moved a shipment. SYSTEM is GoShop itself (the order's events).";
    }
}

public sealed class VehicleTypeType : EnumerationGraphType<VehicleType>
{
    public VehicleTypeType()
    {
        Name = "VehicleType";
        Description = "A shipper's vehicle; it decides how many parcels they carry at once (BICYCLE 1, MOTORBIKE 3, CAR 6, VAN 15).";
    }
}

public sealed class ShipperStatusType : EnumerationGraphType<ShipperStatus>
{
    public ShipperStatusType()
    {
        Name = "ShipperStatus";
        Description = "OFFLINE or AVAILABLE, as the shipper sets it; BUSY when available but carrying as many parcels as the vehicle allows.";
    }
}

public sealed class OfferStatusType : EnumerationGraphType<OfferStatus>
{
    public OfferStatusType() => Name = "ShipmentOfferStatus";
}
