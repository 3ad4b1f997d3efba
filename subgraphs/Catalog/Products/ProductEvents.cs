using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Products;

/// <summary>Writes the product events to the outbox, in the same unit of work as the change they report.</summary>
public sealed class ProductEvents(CatalogDbContext db)
{
    public async Task CreatedAsync(Product product, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Publish(new ProductCreated(await SnapshotAsync(product, cancellationToken), now));

    public async Task UpdatedAsync(Product product, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Publish(new ProductUpdated(await SnapshotAsync(product, cancellationToken), now));

    public void Deleted(Product product, DateTimeOffset now) => db.Publish(new ProductDeleted(product.Id, product.ShopId, now));

    public void PriceChanged(Product product, Guid? variantId, string kind, decimal? previous, decimal price, decimal effective, DateTimeOffset now) =>
        db.Publish(new PriceChanged(product.Id, variantId, product.ShopId, kind, previous, price, effective, product.Currency, now));

    private async Task<ProductSnapshot> SnapshotAsync(Product product, CancellationToken cancellationToken)
    {
        var brand = product.BrandId is { } brandId ? await db.Brands.FindAsync([brandId], cancellationToken) : null;
        var category = product.CategoryId is { } categoryId ? await db.Categories.FindAsync([categoryId], cancellationToken) : null;
        var mediaLoaded = db.Entry(product).State != EntityState.Detached && db.Entry(product).Collection(p => p.Media).IsLoaded;
        IReadOnlyList<Guid> media = mediaLoaded || db.Entry(product).State == EntityState.Added
            ? product.Media.OrderBy(m => m.Position).Select(m => m.MediaId).ToList()
            : await db.ProductMedia.AsNoTracking().Where(m => m.ProductId == product.Id).OrderBy(m => m.Position).Select(m => m.MediaId).ToListAsync(cancellationToken);
        return new ProductSnapshot(
            product.Id, product.ShopId, product.Title, product.Description, brand?.Name, product.Model, product.CategoryId,
            category?.Path ?? [], product.Status.ToContractName(), product.Price, product.SalePrice, product.SaleStartsAt, product.SaleEndsAt,
            product.Currency, product.WeightGrams, media, product.CreatedAt, product.UpdatedAt);
    }
}
