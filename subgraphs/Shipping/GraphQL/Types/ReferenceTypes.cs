using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

/// <summary>The representation the gateway sends to resolve a Shipper or a Shipment: just its key.</summary>
public sealed class EntityKey
{
    public Guid Id { get; set; }
}

// Entities of other subgraphs, known here only by their id. One class each: graphql-dotnet tells the members of the
// _Entity union apart by the CLR type of the object resolved.

public sealed class UserReference
{
    public Guid Id { get; set; }
}

public sealed class OrderReference
{
    public Guid Id { get; set; }
}

public sealed class ShopReference
{
    public Guid Id { get; set; }
}

/// <summary>identity's <c>User</c>, extended with the user's working state as a shipper (<c>User.shipper</c>).</summary>
public sealed class UserType : ObjectGraphType<UserReference>
{
    public UserType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<UserReference>((_, reference) => reference);
        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<ShipperType, IDataLoaderResult<Shipper?>>("shipper")
            .Description("The user's working state as a shipper; null when they are not one.")
            .Resolve(context => context.Loader<ShipperByIdLoader>().Load(context.Source.Id));
    }
}

/// <summary>ordering's <c>Order</c>, extended with its shipment (<c>Order.shipment</c>).</summary>
public sealed class OrderType : ObjectGraphType<OrderReference>
{
    public OrderType()
    {
        Name = "Order";
        this.Key("id");
        this.ResolveReference<OrderReference>((_, reference) => reference);
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<ShipmentType, IDataLoaderResult<Shipment?>>("shipment")
            .Description("The order's delivery, once the seller confirmed it. The buyer, the shop's owner, the shipper and admins only.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<ShipmentByOrderLoader>().Load(context.Source.Id).Then(s => s is not null && viewer.CanSee(s) ? s : null);
            });
    }
}

/// <summary>shops' <c>Shop</c>: a key-only stub, resolved by shops.</summary>
public sealed class ShopType : ObjectGraphType<ShopReference>
{
    public ShopType()
    {
        Name = "Shop";
        this.Key("id", resolvable: false);
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
