using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.GraphQL.Queries;

/// <summary>The paged lists of orders (myOrders, User.orders, Shop.orders): newest first, keyset cursors, optionally one status.</summary>
public static class OrderLists
{
    /// <summary>The orders a user placed: the user themself and admins only.</summary>
    public static async Task<Connection<Order>> OfBuyerAsync(IResolveFieldContext context, Guid buyerId)
    {
        var viewer = Viewer.Of(context);
        if (viewer.UserId is null)
            throw GraphQLErrors.Unauthenticated();
        if (viewer.UserId != buyerId && !viewer.IsAdmin)
            throw GraphQLErrors.Forbidden("Only the user and admins can see the user's orders.");
        return await PageAsync(context, context.Service<OrderingDbContext>().Orders.Where(o => o.BuyerId == buyerId));
    }

    /// <summary>The orders placed with a shop: its owner and admins only.</summary>
    public static async Task<Connection<Order>> OfShopAsync(IResolveFieldContext context, Guid shopId)
    {
        await EnsureShopAccessAsync(context, shopId, "orders");
        return await PageAsync(context, context.Service<OrderingDbContext>().Orders.Where(o => o.ShopId == shopId));
    }

    /// <summary>
    /// Lets the shop's owner and admins see a shop's lists, refusing anyone else (FORBIDDEN; <paramref name="what"/>
    /// names the list). Someone recorded as the seller of the shop's orders is its owner; otherwise the shops subgraph
    /// says who owns it (a new shop has no orders yet).
    /// </summary>
    public static async Task EnsureShopAccessAsync(IResolveFieldContext context, Guid shopId, string what)
    {
        var viewer = Viewer.Of(context);
        if (viewer.UserId is not { } userId)
            throw GraphQLErrors.Unauthenticated();
        var db = context.Service<OrderingDbContext>();
        if (!viewer.IsAdmin && !await db.Orders.AnyAsync(o => o.ShopId == shopId && o.SellerId == userId, context.CancellationToken)
            && !await OwnsAsync(context, shopId, userId))
        {
            throw GraphQLErrors.Forbidden($"Only the shop's owner and admins can see its {what}.");
        }
    }

    private static async Task<bool> OwnsAsync(IResolveFieldContext context, Guid shopId, Guid userId)
    {
        try
        {
            return await context.Service<ShopDirectory>().FindAsync(shopId, context.CancellationToken) is { } shop && shop.OwnerId == userId;
        }
        catch (Exception ex) when (InternalApi.IsUnreachable(ex, context.CancellationToken))
        {
            // A code of its own and no inner exception: the error provider passes it on as it is, not as a fault.
            throw new ExecutionError(OrderErrors.ShopsUnavailable.Message) { Code = OrderErrors.ShopsUnavailable.Code };
        }
    }

    private static Task<Connection<Order>> PageAsync(IResolveFieldContext context, IQueryable<Order> orders)
    {
        var page = context.Page();
        if (context.GetArgument<OrderStatus?>("status") is { } status)
            orders = orders.Where(o => o.Status == status);
        return orders.AsNoTracking().ToConnectionByIdAsync(o => o.Id, page, newestFirst: true, context.CancellationToken);
    }
}
