using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.GraphQL.Queries;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

/// <summary>identity's <c>User</c>, extended with the orders the user placed (<c>User.orders</c>).</summary>
public sealed class UserType : ExtendedEntityType<UserType>
{
    public UserType() : base("User")
    {
        Field<ConnectionType<OrderType, Order>, Connection<Order>>("orders")
            .Description("The orders this user placed, newest first. The user and admins only (FORBIDDEN for anyone else). Null when ordering cannot be reached.")
            .Argument<OrderStatusType>("status", "Only orders with this status.")
            .PageArguments()
            .ResolveAsync(async context => await OrderLists.OfBuyerAsync(context, context.Source.Id));
    }
}

/// <summary>The shops subgraph's <c>Shop</c>, extended with the orders placed with the shop and their returns (<c>Shop.orders</c>, <c>Shop.returns</c>).</summary>
public sealed class ShopType : ExtendedEntityType<ShopType>
{
    public ShopType() : base("Shop")
    {
        Field<ConnectionType<OrderType, Order>, Connection<Order>>("orders")
            .Description("The orders placed with this shop, newest first. The shop's owner and admins only (FORBIDDEN for anyone else; " +
                "SHOPS_UNAVAILABLE when the shop's owner cannot be checked right now). Null when ordering cannot be reached.")
            .Argument<OrderStatusType>("status", "Only orders with this status.")
            .PageArguments()
            .ResolveAsync(async context => await OrderLists.OfShopAsync(context, context.Source.Id));
        Field<ConnectionType<ReturnType, Return>, Connection<Return>>("returns")
            .Description("The returns buyers asked for of this shop's orders, newest first. The shop's owner and admins only (FORBIDDEN for anyone " +
                "else; SHOPS_UNAVAILABLE when the shop's owner cannot be checked right now). Null when ordering cannot be reached.")
            .Argument<ReturnStatusType>("status", "Only returns with this status, e.g. REQUESTED for those waiting for the seller.")
            .PageArguments()
            .ResolveAsync(async context => await ReturnLists.OfShopAsync(context, context.Source.Id));
    }
}

/// <summary>catalog's <c>Product</c>: a key-only stub, resolved by catalog.</summary>
public sealed class ProductType() : KeyOnlyEntityType<ProductType>("Product");

/// <summary>catalog's <c>ProductVariant</c>: a key-only stub, resolved by catalog.</summary>
public sealed class ProductVariantType() : KeyOnlyEntityType<ProductVariantType>("ProductVariant");

/// <summary>cart's <c>Cart</c>: a key-only stub, resolved by cart (reorder answers the cart the lines went into).</summary>
public sealed class CartType() : KeyOnlyEntityType<CartType>("Cart");

/// <summary>shipping's <c>Shipment</c>: a key-only stub, resolved by shipping (a return's parcel travels as one).</summary>
public sealed class ShipmentType() : KeyOnlyEntityType<ShipmentType>("Shipment");

/// <summary>media's <c>Media</c>: a key-only stub, resolved by media (a return's photos).</summary>
public sealed class MediaType() : KeyOnlyEntityType<MediaType>("Media");
