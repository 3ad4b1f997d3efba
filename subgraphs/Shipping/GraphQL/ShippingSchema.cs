using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Mutations;
using GoShop.Shipping.GraphQL.Queries;
using GoShop.Shipping.GraphQL.Subscriptions;
using GoShop.Shipping.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL;

public sealed class ShippingSchema : Schema
{
    public ShippingSchema(IServiceProvider services, ShippingQuery query, ShippingMutation mutation, ShippingSubscription subscription)
        : base(services)
    {
        Description = "GoShop shipping: shippers, shipments from confirmed orders, assignment, delivery with cash on delivery, live tracking, " +
            "fees and quotes, geocoding and labels.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // The CLR types of input fields map to these graph types rather than to auto-generated ones of the same name.
        this.RegisterTypeMapping<ShipmentStatus, ShipmentStatusType>();
        this.RegisterTypeMapping<ShipperStatus, ShipperStatusType>();
        this.RegisterTypeMapping<VehicleType, VehicleTypeType>();
        this.RegisterTypeMapping<ShipmentActorRole, ShipmentActorRoleType>();
        this.RegisterTypeMapping<ShipmentKind, ShipmentKindType>();
    }
}

public sealed class ShippingQuery : ObjectGraphType
{
    public ShippingQuery()
    {
        Name = "Query";
        ShippingQueries.AddTo(this);
        QuoteQueries.AddTo(this);
        GeocodingQueries.AddTo(this);
    }
}

public sealed class ShippingMutation : ObjectGraphType
{
    public ShippingMutation()
    {
        Name = "Mutation";
        ShipmentMutations.AddTo(this);
        LabelMutations.AddTo(this);
    }
}

public sealed class ShippingSubscription : ObjectGraphType
{
    public ShippingSubscription()
    {
        Name = "Subscription";
        ShippingSubscriptions.AddTo(this);
    }
}
