using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

public sealed class ShipmentType : ObjectGraphType<Shipment>
{
    public ShipmentType()
    {
        Name = "Shipment";
        Description = "The delivery of one order from its shop to its buyer. The buyer, the shop's owner, the assigned shipper and admins see it.";
        this.Key("id");
        this.ResolveReference<EntityKey, Shipment>((context, reference) =>
        {
            var viewer = Viewer.Of(context);
            return context.Loader<ShipmentByIdLoader>().Load(reference.Id).Then(s => s is not null && viewer.CanSee(s) ? s : null);
        });
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.TrackingNumber).Description("The number to quote, e.g. GSX261126K7QX3MPA.");
        Field<NonNullGraphType<ShipmentStatusType>, ShipmentStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<OrderType>, EntityReference<OrderType>>("order").Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(s => s.OrderNumber);
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<ShipperType, IDataLoaderResult<Shipper?>>("shipper")
            .Description("The assigned shipper, once there is one.")
            .Resolve(context => context.Loader<ShipperByIdLoader>().Load(context.Source.ShipperId ?? Guid.Empty));
        Field<NonNullGraphType<GeoPointType>, GeoPoint>("pickup").Description("The shop's location.").Resolve(context => context.Source.PickupPosition);
        Field<GeoPointType, GeoPoint?>("dropoff")
            .Description("The buyer's address on the map; null when it could not be located (see note).")
            .Resolve(context => context.Source.DropoffPosition);
        Field(s => s.DropoffAddress);
        Field(s => s.RecipientName);
        Field(s => s.RecipientPhone);
        Field(s => s.WeightGrams);
        Field<NonNullGraphType<MoneyType>, Money>("codAmount")
            .Description("The cash the shipper collects at the door; 0 unless the order is paid on delivery.")
            .Resolve(context => new Money(context.Source.CodAmount, context.Source.Currency));
        Field<MoneyType, Money?>("codCollected")
            .Description("The cash collected on delivery (COD orders).")
            .Resolve(context => context.Source.CodCollected is { } cash ? new Money(cash, context.Source.Currency) : null);
        Field(s => s.Note, nullable: true);
        Field(s => s.Attempts).Description("Delivery attempts made.");
        Field(s => s.ReceivedBy, nullable: true).Description("Who took the parcel, as the shipper recorded it.");
        Field(s => s.ProofMediaId, type: typeof(IdGraphType)).Description("The photo taken at delivery.");
        Field(s => s.CreatedAt);
        Field(s => s.UpdatedAt);
        Field(s => s.AssignedAt, nullable: true);
        Field(s => s.PickedUpAt, nullable: true);
        Field(s => s.DeliveredAt, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentHistoryEntryType>>>, IDataLoaderResult<IReadOnlyList<ShipmentHistoryEntry>?>>("history")
            .Description("Every move, oldest first: who, when, where and why.")
            .Resolve(context => context.Loader<HistoryByShipmentLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GeoPointType>>>, IDataLoaderResult<IEnumerable<GeoPoint>>>("trail")
            .Description("The trusted positions of the trip so far, oldest first; cleared when the trip ends.")
            .Resolve(context => context.Loader<TrailByShipmentLoader>().Load(context.Source.Id).Then(points => (points ?? []).Select(p => p.Position)));
    }
}

public sealed class ShipmentHistoryEntryType : ObjectGraphType<ShipmentHistoryEntry>
{
    public ShipmentHistoryEntryType()
    {
        Name = "ShipmentHistoryEntry";
        Description = "One move of a shipment: from (null for its creation), to, by whom, where and why.";
        Field<ShipmentStatusType, ShipmentStatus?>("from").Resolve(context => context.Source.From);
        Field<NonNullGraphType<ShipmentStatusType>, ShipmentStatus>("to").Resolve(context => context.Source.To);
        Field<NonNullGraphType<ShipmentActorRoleType>, ShipmentActorRole>("actorRole").Resolve(context => context.Source.ActorRole);
        Field<UserType, EntityReference<UserType>?>("actor").Resolve(context => EntityReference.To<UserType>(context.Source.ActorId));
        Field<GeoPointType, GeoPoint?>("location").Description("Where the actor was.").Resolve(context => context.Source.Position);
        Field(h => h.Reason, nullable: true);
        Field(h => h.At);
    }
}
