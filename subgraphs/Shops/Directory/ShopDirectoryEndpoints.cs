using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Directory;

/// <summary>
/// <c>GET /internal/shops/{id}</c>: a shop's current snapshot, for a subgraph that has not yet heard of a shop through
/// the events (a seller lists a product a moment after opening the shop). The typed client is <see cref="ShopDirectory"/>.
/// </summary>
public static class ShopDirectoryEndpoints
{
    public static WebApplication MapShopDirectoryEndpoints(this WebApplication app)
    {
        app.MapInternalApi().MapGet("/shops/{id:guid}", async (Guid id, ShopsDbContext db, CancellationToken cancellationToken) =>
            await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } shop
                ? Results.Ok(shop.ToSnapshot())
                : Results.NotFound());
        return app;
    }
}
