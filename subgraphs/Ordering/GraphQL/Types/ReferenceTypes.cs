using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Queries;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

/// <summary>The representation the gateway sends to resolve an Order or a Checkout: just its key.</summary>
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

public sealed class ShopReference
{
    public Guid Id { get; set; }
}

public sealed class ProductReference
{
    public Guid Id { get; set; }
}

public sealed class ProductVariantReference
{
    public Guid Id { get; set; }
}

public sealed class CartReference
{
    public Guid Id { get; set; }
}

/// <summary>identity's <c>User</c>, extended with the orders the user placed (<c>User.orders</c>).</summary>
public sealed class UserType : ObjectGraphType<UserReference>
{
    public UserType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<UserReference>((_, reference) => reference);
        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ConnectionType<OrderType, Order>>, Connection<Order>>("orders")
            .Description("The orders this user placed, newest first. The user and admins only.")
            .Argument<OrderStatusType>("status", "Only orders with this status.")
            .PageArguments()
            .ResolveAsync(async context => await OrderLists.OfBuyerAsync(context, context.Source.Id));
    }
}

/// <summary>The shops subgraph's <c>Shop</c>, extended with the orders placed with the shop (<c>Shop.orders</c>).</summary>
public sealed class ShopType : ObjectGraphType<ShopReference>
{
    public ShopType()
    {
        Name = "Shop";
        this.Key("id");
        this.ResolveReference<ShopReference>((_, reference) => reference);
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ConnectionType<OrderType, Order>>, Connection<Order>>("orders")
            .Description("The orders placed with this shop, newest first. The shop's owner and admins only.")
            .Argument<OrderStatusType>("status", "Only orders with this status.")
            .PageArguments()
            .ResolveAsync(async context => await OrderLists.OfShopAsync(context, context.Source.Id));
    }
}

/// <summary>catalog's <c>Product</c>: a key-only stub, resolved by catalog.</summary>
public sealed class ProductType : ObjectGraphType<ProductReference>
{
    public ProductType()
    {
        Name = "Product";
        this.Key("id", resolvable: false);
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

/// <summary>catalog's <c>ProductVariant</c>: a key-only stub, resolved by catalog.</summary>
public sealed class ProductVariantType : ObjectGraphType<ProductVariantReference>
{
    public ProductVariantType()
    {
        Name = "ProductVariant";
        this.Key("id", resolvable: false);
        Field(v => v.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

/// <summary>cart's <c>Cart</c>: a key-only stub, resolved by cart (reorder answers the cart the lines went into).</summary>
public sealed class CartType : ObjectGraphType<CartReference>
{
    public CartType()
    {
        Name = "Cart";
        this.Key("id", resolvable: false);
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
