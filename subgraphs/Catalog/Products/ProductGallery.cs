using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Shops;
using GoShop.Contracts.Media;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Products;

/// <summary>
/// A product's pictures and videos. A picture added must exist in the media subgraph and belong to whoever adds it
/// (an admin may add anyone's); the gallery changes under the product's row lock.
/// </summary>
public sealed class ProductGallery(
    CatalogDbContext db,
    ShopAccess access,
    ProductEvents events,
    MediaDirectory mediaDirectory,
    TimeProvider clock,
    ILogger<ProductGallery> logger)
{
    public async Task<Result<Product>> AddAsync(Guid productId, Guid mediaId, Guid actorId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId && p.DeletedAt == null, cancellationToken);
        if (product is null)
            return CatalogErrors.ProductNotFound;
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return denied;
        var lookup = await InternalApi.CallAsync(() => mediaDirectory.FindAsync(mediaId, cancellationToken), CatalogErrors.MediaUnavailable,
            logger, cancellationToken, $"confirm media {mediaId} with the media subgraph");
        if (!lookup.Succeeded)
            return lookup.Error;
        var media = lookup.Value;
        if (media is null)
            return CatalogErrors.MediaNotFound;
        if (media.OwnerId != actorId && !access.IsAdmin)
            return CatalogErrors.MediaNotOwned;
        return await ChangeAsync(productId, (p, now) => p.AddMedia(mediaId, actorId, now) is { Succeeded: false } failed ? failed.Error : Result.Success,
            cancellationToken);
    }

    public Task<Result<Product>> RemoveAsync(Guid productId, Guid mediaId, CancellationToken cancellationToken) =>
        ChangeAsync(productId, (p, now) => p.RemoveMedia(mediaId, now), cancellationToken);

    private async Task<Result<Product>> ChangeAsync(Guid productId, Func<Product, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var product = await db.Products.FromSql($"SELECT * FROM products WHERE id = {productId} AND deleted_at IS NULL FOR UPDATE")
            .Include(p => p.Media)
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null)
            return CatalogErrors.ProductNotFound;
        if (await access.CheckCanManageAsync(product.ShopId, cancellationToken) is { } denied)
            return denied;
        var now = clock.GetUtcNow();
        var changed = change(product, now);
        if (!changed.Succeeded)
            return changed.Error;
        await events.UpdatedAsync(product, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }
}
