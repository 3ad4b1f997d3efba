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
        Description = "The delivery of one order from its shop to its buyer (kind DELIVERY), or the parcel of one of its returns going from " +
            "the buyer back to the shop (kind RETURN); both are offered, assigned, moved and tracked alike. The buyer, the shop's owner, the assigned shipper and admins see it; " +
            "a shipper it is offered to sees it through the offer.";
        this.Key("id");
        this.ResolveReference<EntityKey, Shipment>((context, reference) =>
        {
            var viewer = Viewer.Of(context);
            return context.Loader<ShipmentByIdLoader>().Load(reference.Id).Then(s => s is not null && viewer.CanSee(s) ? s : null);
        });
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Shipment"));
        Field(s => s.TrackingNumber).Description("The number to quote, e.g. GSX261126K7QX3MPA: GSX, the creation date (yyMMdd, Vietnam time) and " +
            "eight letters and digits.");
        Field<NonNullGraphType<ShipmentStatusType>, ShipmentStatus>("status").Description("Where the shipment stands.").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<ShipmentKindType>, ShipmentKind>("kind")
            .Description("DELIVERY: the order going to its buyer (Order.shipment). RETURN: a returned parcel going from the buyer back to the shop " +
                "(Order.returnShipments), never cash on delivery, and charged to nobody in this version (no fee is billed for it).")
            .Resolve(context => context.Source.Kind);
        Field(s => s.ReturnId, type: typeof(IdGraphType))
            .Description("The id of the order's return this shipment brings back (as ordering names it); null for a DELIVERY.");
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order this shipment delivers, or whose return it brings back. Null when ordering cannot be reached.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(s => s.OrderNumber).Description("The order's number, as the buyer and the seller know it, e.g. GS-261126-K7QX3M.");
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop that sends the parcel, or receives a returned one. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<ShipperType, IDataLoaderResult<Shipper?>>("shipper")
            .Description("The assigned shipper; null until there is one.")
            .Resolve(context => context.Loader<ShipperByIdLoader>().Load(context.Source.ShipperId ?? Guid.Empty));
        Field<NonNullGraphType<GeoPointType>, GeoPoint>("pickup").Description("Where the parcel is picked up: the shop's location when the order was " +
            "placed for a DELIVERY, the buyer's address on the map for a RETURN.").Resolve(context => context.Source.PickupPosition);
        Field<GeoPointType, GeoPoint?>("dropoff")
            .Description("Where the parcel goes: the buyer's address on the map for a DELIVERY (null when it could not be located, see note), " +
                "the shop's location for a RETURN.")
            .Resolve(context => context.Source.DropoffPosition);
        Field(s => s.PickupAddress, nullable: true).Description("Where a RETURN is picked up, on one line: the buyer's address (street, ward, " +
            "district, city, country). Null for a DELIVERY, picked up at its shop.");
        Field(s => s.DropoffAddress).Description("Where the parcel goes, on one line: the delivery address of the order (street, ward, district, " +
            "city, country) for a DELIVERY; the shop's location for a RETURN (its label prints the shop's address).");
        Field(s => s.RecipientName).Description("The buyer as the order's delivery address names them: who the parcel is for (DELIVERY), or who " +
            "hands it over (RETURN).");
        Field(s => s.RecipientPhone).Description("The buyer's phone number, from the order's delivery address: to call at the door, either way.");
        Field(s => s.WeightGrams).Description("The parcel's weight in grams: each product's weight times its quantity in the order, or in the return.");
        Field<NonNullGraphType<MoneyType>, Money>("codAmount")
            .Description("The cash the shipper collects at the door, in the order's currency: the order's total when it is paid on delivery, else 0 " +
                "(always 0 for a RETURN).")
            .Resolve(context => new Money(context.Source.CodAmount, context.Source.Currency));
        Field<MoneyType, Money?>("codCollected")
            .Description("The cash the shipper collected; null until a cash-on-delivery shipment is DELIVERED, and always null when nothing was due.")
            .Resolve(context => context.Source.CodCollected is { } cash ? new Money(cash, context.Source.Currency) : null);
        Field(s => s.Note, nullable: true).Description("What the people handling the parcel should know, written when the shipment was created: " +
            "that the drop-off was located only from the address, or is a city's centre, or could not be located (then no shipper is offered " +
            "it automatically). Null when there is nothing to say.");
        Field(s => s.Attempts).Description("Delivery attempts made: each FAILED_DELIVERY, and the delivery itself.");
        Field(s => s.ReceivedBy, nullable: true).Description("Who took the parcel, as the shipper recorded it; null unless DELIVERED with a recipient's name.");
        Field(s => s.ProofMediaId, type: typeof(IdGraphType)).Description("The id of the photo taken at delivery, as the shipper gave it; null unless DELIVERED with one.");
        Field(s => s.CreatedAt).Description("When the shipment was created: when the seller confirmed the order (DELIVERY) or approved the return (RETURN).");
        Field(s => s.UpdatedAt).Description("When the shipment last changed status.");
        Field(s => s.AssignedAt, nullable: true).Description("When a shipper was assigned; null until then.");
        Field(s => s.PickedUpAt, nullable: true).Description("When the shipper picked the parcel up; null until then.");
        Field(s => s.DeliveredAt, nullable: true).Description("When the parcel was delivered; null unless DELIVERED.");
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
        Field<ShipmentStatusType, ShipmentStatus?>("from").Description("The status before the move; null for the shipment's creation.")
            .Resolve(context => context.Source.From);
        Field<NonNullGraphType<ShipmentStatusType>, ShipmentStatus>("to").Description("The status after the move.").Resolve(context => context.Source.To);
        Field<NonNullGraphType<ShipmentActorRoleType>, ShipmentActorRole>("actorRole").Description("In which capacity the move was made.")
            .Resolve(context => context.Source.ActorRole);
        Field<UserType, EntityReference<UserType>?>("actor").Description("Who made the move; null for SYSTEM moves.")
            .Resolve(context => EntityReference.To<UserType>(context.Source.ActorId));
        Field<GeoPointType, GeoPoint?>("location")
            .Description("Where the shipper was (their last trusted position) when they made the move; null for moves by others, or when unknown.")
            .Resolve(context => context.Source.Position);
        Field(h => h.Reason, nullable: true).Description("Why, as given: the note of the move (always there for FAILED_DELIVERY), the cause of a " +
            "cancellation, or the shipment's note at its creation; null when none.");
        Field(h => h.At).Description("When the move was made.");
    }
}
