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
        Field("id", o => o.OfferId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShipmentType>, IDataLoaderResult<Shipment?>>("shipment")
            .Description("The shipment offered (visible to the shipper it is offered to).")
            .Resolve(context => context.Loader<ShipmentByIdLoader>().Load(context.Source.ShipmentId));
        Field(o => o.DistanceKm).Description("How far the shipper was from the pickup when offered, km.");
        Field(o => o.ExpiresAt);
    }
}

/// <summary>One event of <c>shipmentTracking</c>.</summary>
public sealed class ShipmentTrackingEventType : ObjectGraphType<ShipmentTrackingMessage>
{
    public ShipmentTrackingEventType()
    {
        Name = "ShipmentTrackingEvent";
        Description = "Where a shipment stands: its status, the shipper's position while underway, and the minutes left to the drop-off.";
        Field(e => e.ShipmentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(e => e.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShipmentStatusType>, ShipmentStatus>("status").Resolve(context => context.Source.Status);
        Field<BuildingBlocks.GraphQL.Types.GeoPointType, BuildingBlocks.Domain.GeoPoint?>("location")
            .Description("The shipper's last trusted position; null before a shipper is on the way and after the trip.")
            .Resolve(context => context.Source.Location);
        Field(e => e.EtaMinutes, nullable: true).Description("Minutes left to the drop-off (via the shop before pickup).");
        Field(e => e.At);
    }
}
