using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Ordering;
using GoShop.Ordering.Data;
using GoShop.Ordering.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.Internal;

/// <summary>
/// Ordering's internal API, under <c>/internal</c> (key-checked, never behind the gateway):
/// <c>GET /internal/orders/{orderId}</c> and <c>GET /internal/checkouts/{checkoutId}/orders</c>: orders as they are
/// now, in the shape the order events carry, for payments to charge what ordering placed. The typed client is
/// <see cref="OrderDirectory"/>.
/// </summary>
public static class OrderingInternalApi
{
    public static WebApplication MapOrderingInternalApi(this WebApplication app)
    {
        var api = app.MapInternalApi();
        api.MapGet("/orders/{orderId:guid}", async (Guid orderId, OrderingDbContext db, CancellationToken cancellationToken) =>
            await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) is { } order
                ? Results.Ok(OrderIntegrationEvents.Snapshot(order))
                : Results.NotFound());
        api.MapGet("/checkouts/{checkoutId:guid}/orders", async (Guid checkoutId, OrderingDbContext db, CancellationToken cancellationToken) =>
        {
            var orders = await db.Orders.AsNoTracking().Include(o => o.Lines)
                .Where(o => o.CheckoutId == checkoutId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
            return orders.Count == 0 ? Results.NotFound() : Results.Ok(orders.Select(OrderIntegrationEvents.Snapshot).ToList());
        });
        return app;
    }
}
