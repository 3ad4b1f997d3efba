using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Loaders;
using GoShop.Shipping.Tracking;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

/// <summary>
/// A shipment offered to the viewing shipper: what they need to decide (the shipment with its pickup, drop-off and
/// cash to collect, how far they are) and until when.
/// </summary>
public sealed class ShipmentOfferType : ObjectGraphType<ShipmentOfferMessage>
{
    public ShipmentOfferType()
    {
        Name = "ShipmentOffer";
        Description = "A shipment offered to a shipper, to accept or decline before it expires (then it goes to the next shipper).";
        Field("id", o => o.OfferId, type: typeof(NonNullGraphType<IdGraphType>)).Description("This offer's id; each offer of a shipment to a shipper has its own.");
        Field<NonNullGraphType<ShipmentType>, IDataLoaderResult<Shipment?>>("shipment")
            .Description("The shipment offered (visible to the shipper it is offered to).")
            .Resolve(context => context.Loader<ShipmentByIdLoader>().Load(context.Source.ShipmentId));
        Field(o => o.DistanceKm).Description("How far the shipper was from the pickup when offered: straight-line kilometres.");
        Field(o => o.ExpiresAt).Description("Until when the shipper may accept or decline (60 seconds after the offer was made); then the shipment " +
            "is offered to the next shipper, never to them again.");
    }
}

/// <summary>One event of <c>shipmentTracking</c>.</summary>
public sealed class ShipmentTrackingEventType : ObjectGraphType<ShipmentTrackingMessage>
{
    public ShipmentTrackingEventType()
    {
        Name = "ShipmentTrackingEvent";
        Description = "Where a shipment stands: its status, the shipper's position while underway, and the minutes left to the drop-off.";
        Field(e => e.ShipmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The shipment's id.");
        Field(e => e.OrderId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The order followed.");
        Field<NonNullGraphType<ShipmentKindType>, ShipmentKind>("kind")
            .Description("Whether the shipment followed is the order's DELIVERY or one of its RETURN shipments (shipmentTracking's shipmentId).")
            .Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<ShipmentStatusType>, ShipmentStatus>("status").Description("The shipment's status now.")
            .Resolve(context => context.Source.Status);
        Field<BuildingBlocks.GraphQL.Types.GeoPointType, BuildingBlocks.Domain.GeoPoint?>("location")
            .Description("The shipper's last trusted position; null before a shipper is on the way and after the trip.")
            .Resolve(context => context.Source.Location);
        Field(e => e.EtaMinutes, nullable: true).Description("Minutes left to the drop-off (via the pickup before pickup: the shop, or the " +
            "buyer's address for a return), by road at the STANDARD " +
            "method's speed; null when the shipper's position or the drop-off is unknown, or the trip is over.");
        Field(e => e.At).Description("When this was true: the moment of the change, or of the subscription for the first event.");
    }
}
