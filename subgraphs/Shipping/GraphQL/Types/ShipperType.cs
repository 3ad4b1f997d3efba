using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Loaders;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

public sealed class ShipperType : ObjectGraphType<Shipper>
{
    public ShipperType()
    {
        Name = "Shipper";
        Description = "A person who delivers parcels (the user with the same id) and their working state. Anyone may read a shipper; only the shipper and admins see their location.";
        this.Key("id");
        this.ResolveReference<EntityKey, Shipper>((context, reference) => context.Loader<ShipperByIdLoader>().Load(reference.Id));
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Shipper"));
        Field<UserType, EntityReference<UserType>>("user")
            .Description("The shipper's user account (same id). Null when identity cannot be reached.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.Id));
        Field(s => s.FullName).Description("The name the shipper registered with.");
        Field<NonNullGraphType<VehicleTypeType>, VehicleType>("vehicleType")
            .Description("The vehicle the shipper registered with; it sets capacity.")
            .Resolve(context => context.Source.VehicleType);
        Field(s => s.PlateNumber).Description("The vehicle's plate number as the shipper registered it.");
        Field(s => s.Capacity).Description("How many parcels the vehicle carries at once: BICYCLE 1, MOTORBIKE 3, CAR 6, VAN 15.");
        Field(s => s.ActiveShipments).Description("Shipments the shipper has taken and not finished (ASSIGNED, PICKED_UP, IN_TRANSIT or FAILED_DELIVERY): " +
            "parcels carried or on the way to be picked up.");
        Field(s => s.Zone, nullable: true).Description("The area the shipper works in, as free text (e.g. Hà Nội); null when not given. " +
            "Shippers who register through GoShop have none yet; it does not limit which shipments they are offered.");
        Field<NonNullGraphType<ShipperStatusType>, ShipperStatus>("status")
            .Description("OFFLINE, AVAILABLE, or BUSY when every slot is taken.")
            .Resolve(context => context.Source.EffectiveStatus);
        Field<GeoPointType, GeoPoint?>("location")
            .Description("The last trusted position. The shipper and admins only: null for anyone else, and before the first report.")
            .Resolve(context => Viewer.Of(context).CanLocate(context.Source) ? context.Source.Position : null);
        Field(s => s.LocationAt, nullable: true).Description("When the last trusted position was reported; null before the first report. " +
            "Anyone who can read the shipper sees it.");
        Field(s => s.Rating).Description("Average stars, 0 to 5 (two decimals), of the shipper's published delivery reviews; 0 while there are none. " +
            "Follows the reviews subgraph within moments of each review change; Shipper.ratingSummary has the full breakdown.");
        Field(s => s.RatingCount).Description("How many published delivery reviews rating averages; 0 while there are none.");
        Field(s => s.DeliveredCount).Description("Parcels the shipper delivered, all time.");
        Field(s => s.FailedCount).Description("Failed delivery attempts, all time (one parcel may fail more than once).");
        Field(s => s.ReturnedCount).Description("Parcels the shipper took back to their shop, all time.");
    }
}

/// <summary>A shipper near a point, with how far away.</summary>
public sealed record NearbyShipper(Shipper Shipper, double DistanceKm);

public sealed class NearbyShipperType : ObjectGraphType<NearbyShipper>
{
    public NearbyShipperType()
    {
        Name = "NearbyShipper";
        Description = "An AVAILABLE shipper availableShippers found, with how far they are from the searched point.";
        Field<NonNullGraphType<ShipperType>, Shipper>("shipper").Description("The shipper, AVAILABLE.").Resolve(context => context.Source.Shipper);
        Field(n => n.DistanceKm).Description("Straight-line distance from the searched point to the shipper's last trusted position, in kilometres.");
    }
}
