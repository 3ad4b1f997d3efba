using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain.Returns;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.GraphQL.Queries;

/// <summary>The paged lists of returns (myReturns, Shop.returns): newest first, keyset cursors, optionally one status.</summary>
public static class ReturnLists
{
    /// <summary>The returns the signed-in user asked for.</summary>
    public static async Task<Connection<Return>> OfViewerAsync(IResolveFieldContext context)
    {
        var buyerId = Viewer.Of(context).UserId ?? throw GraphQLErrors.Unauthenticated();
        return await PageAsync(context, context.Service<OrderingDbContext>().Returns.Where(r => r.BuyerId == buyerId));
    }

    /// <summary>The returns of a shop's orders: its owner and admins only, as for its orders.</summary>
    public static async Task<Connection<Return>> OfShopAsync(IResolveFieldContext context, Guid shopId)
    {
        await OrderLists.EnsureShopAccessAsync(context, shopId, "returns");
        return await PageAsync(context, context.Service<OrderingDbContext>().Returns.Where(r => r.ShopId == shopId));
    }

    private static Task<Connection<Return>> PageAsync(IResolveFieldContext context, IQueryable<Return> returns)
    {
        var page = context.Page();
        if (context.GetArgument<ReturnStatus?>("status") is { } status)
            returns = returns.Where(r => r.Status == status);
        return returns.Include(r => r.Lines).AsNoTracking().ToConnectionByIdAsync(r => r.Id, page, newestFirst: true, context.CancellationToken);
    }
}
