using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shipping.Domain;
using GoShop.Shipping.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Shipping.GraphQL.Types;

/// <summary>identity's <c>User</c>, extended with the user's working state as a shipper (<c>User.shipper</c>).</summary>
public sealed class UserType : ExtendedEntityType<UserType>
{
    public UserType() : base("User")
    {
        Field<ShipperType, IDataLoaderResult<Shipper?>>("shipper")
            .Description("The user's working state as a shipper; null when they are not one.")
            .Resolve(context => context.Loader<ShipperByIdLoader>().Load(context.Source.Id));
    }
}

/// <summary>ordering's <c>Order</c>, extended with its delivery (<c>Order.shipment</c>) and its returns' shipments (<c>Order.returnShipments</c>).</summary>
public sealed class OrderType : ExtendedEntityType<OrderType>
{
    public OrderType() : base("Order")
    {
        Field<ShipmentType, IDataLoaderResult<Shipment?>>("shipment")
            .Description("The order's delivery (kind DELIVERY), once the seller confirmed it; its returns travel as returnShipments. The buyer, " +
                "the shop's owner, the shipper and admins only.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<ShipmentByOrderLoader>().Load(context.Source.Id).Then(s => s is not null && viewer.CanSee(s) ? s : null);
            });
        Field<ListGraphType<NonNullGraphType<ShipmentType>>, IDataLoaderResult<IEnumerable<Shipment>>>("returnShipments")
            .Description("The shipments bringing the order's approved returns back to the shop (kind RETURN, one per return, returnId says which), " +
                "oldest first; empty when none. Only those the viewer may see: the buyer, the shop's owner, each one's shipper and admins. Null when shipping cannot be reached.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<ReturnShipmentsByOrderLoader>().Load(context.Source.Id).Then(shipments => (shipments ?? []).Where(viewer.CanSee));
            });
    }
}

/// <summary>shops' <c>Shop</c>: a key-only stub, resolved by shops.</summary>
public sealed class ShopType() : KeyOnlyEntityType<ShopType>("Shop");
