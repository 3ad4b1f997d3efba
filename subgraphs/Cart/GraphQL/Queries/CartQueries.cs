using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Caching;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Cart.GraphQL.Types;
using GoShop.Cart.Pricing;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.GraphQL.Queries;

/// <summary>cart and savedCarts: the signed-in buyer's own.</summary>
public static class CartQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<CartType, CartView>("cart")
            .Description("The signed-in buyer's active cart; null until the buyer first puts something in a cart (an emptied cart stays, empty).")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var userId = context.Service<ICurrentUser>().RequireId();
                var state = await context.Service<CartReader>().GetAsync(userId, context.CancellationToken);
                return await context.Service<CartViews>().BuildAsync(state, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavedCartType>>>, List<SavedCart>>("savedCarts")
            .Description($"The signed-in buyer's saved carts, newest first (at most {SavedCart.MaxPerUser}, so a list).")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var userId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<CartDbContext>().SavedCarts.AsNoTracking().Include(s => s.Items)
                    .Where(s => s.UserId == userId)
                    .OrderByDescending(s => s.Id)
                    .ToListAsync(context.CancellationToken);
            });
    }
}
