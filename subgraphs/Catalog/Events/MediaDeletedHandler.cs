using GoShop.BuildingBlocks.Messaging;
using GoShop.Catalog.Data;
using GoShop.Catalog.Products;
using GoShop.Contracts.Media;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Events;

/// <summary>
/// Takes a deleted picture or video out of every gallery it was in. Product.media lists media references that the
/// media subgraph resolves; one it no longer has would break the whole list for every buyer.
/// </summary>
public sealed class MediaDeletedHandler(CatalogDbContext db, ProductEvents events, TimeProvider clock, ILogger<MediaDeletedHandler> logger)
    : IntegrationEventHandler<MediaDeleted, CatalogDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(MediaDeleted message, CancellationToken cancellationToken)
    {
        var productIds = await Db.ProductMedia.Where(m => m.MediaId == message.MediaId).Select(m => m.ProductId).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var productId in productIds.Order())
        {
            var product = await Db.Products.FromSql($"SELECT * FROM products WHERE id = {productId} FOR UPDATE")
                .Include(p => p.Media)
                .SingleAsync(cancellationToken);
            if (product.RemoveMedia(message.MediaId, now).Succeeded)
                await events.UpdatedAsync(product, now, cancellationToken);
        }
        if (productIds.Count > 0)
            logger.LogInformation("Media {MediaId} was deleted; removed it from {Count} product gallery(ies)", message.MediaId, productIds.Count);
    }
}
