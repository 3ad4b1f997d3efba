using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Mutations;
using GoShop.Cart.GraphQL.Queries;
using GoShop.Cart.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL;

public sealed class CartSchema : Schema
{
    public CartSchema(IServiceProvider services, CartQuery query, CartMutation mutation)
        : base(services)
    {
        Description = "GoShop cart: each buyer's active cart, coupons per shop, and saved carts.";
        Query = query;
        Mutation = mutation;
        this.RegisterTypeMapping<ItemAvailability, CartItemAvailabilityType>();
    }
}

public sealed class CartQuery : ObjectGraphType
{
    public CartQuery()
    {
        Name = "Query";
        CartQueries.AddTo(this);
    }
}

public sealed class CartMutation : ObjectGraphType
{
    public CartMutation()
    {
        Name = "Mutation";
        CartMutations.AddTo(this);
        CouponMutations.AddTo(this);
        SavedCartMutations.AddTo(this);
    }
}
