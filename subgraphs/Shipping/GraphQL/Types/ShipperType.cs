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
        Description = "A person who delivers parcels (the user with the same id) and their working state.";
        this.Key("id");
        this.ResolveReference<EntityKey, Shipper>((context, reference) => context.Loader<ShipperByIdLoader>().Load(reference.Id));
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<UserType>, EntityReference<UserType>>("user").Resolve(context => EntityReference.To<UserType>(context.Source.Id));
        Field(s => s.FullName).Description("The name the shipper registered with.");
        Field<NonNullGraphType<VehicleTypeType>, VehicleType>("vehicleType").Resolve(context => context.Source.VehicleType);
        Field(s => s.PlateNumber);
        Field(s => s.Capacity).Description("How many parcels the vehicle carries at once.");
        Field(s => s.ActiveShipments).Description("Parcels the shipper is carrying or on the way to pick up.");
        Field(s => s.Zone, nullable: true).Description("The area the shipper works in.");
        Field<NonNullGraphType<ShipperStatusType>, ShipperStatus>("status")
            .Description("OFFLINE, AVAILABLE, or BUSY when every slot is taken.")
            .Resolve(context => context.Source.EffectiveStatus);
        Field<GeoPointType, GeoPoint?>("location")
            .Description("The last trusted position. The shipper and admins only; null for others.")
            .Resolve(context => Viewer.Of(context).CanLocate(context.Source) ? context.Source.Position : null);
        Field(s => s.LocationAt, nullable: true).Description("When the position was reported.");
        Field(s => s.Rating).Description("0 to 5, from reviews; 0 until the first review.");
        Field(s => s.DeliveredCount);
        Field(s => s.FailedCount).Description("Failed delivery attempts.");
        Field(s => s.ReturnedCount).Description("Parcels taken back to their shop.");
    }
}

/// <summary>A shipper near a point, with how far away.</summary>
public sealed record NearbyShipper(Shipper Shipper, double DistanceKm);

public sealed class NearbyShipperType : ObjectGraphType<NearbyShipper>
{
    public NearbyShipperType()
    {
        Name = "NearbyShipper";
        Field<NonNullGraphType<ShipperType>, Shipper>("shipper").Resolve(context => context.Source.Shipper);
        Field(n => n.DistanceKm).Description("Straight-line distance, km.");
    }
}
