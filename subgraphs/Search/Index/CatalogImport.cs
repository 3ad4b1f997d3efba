using GoShop.Contracts.Catalog;
using GoShop.Search.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Index;

/// <summary>
/// Fills empty product copies from catalog's export (a new deployment, or a database restored without them). Events
/// that arrive meanwhile are applied on top: each part of a copy keeps the newest by its time.
/// </summary>
public sealed class CatalogImport(SearchDbContext db, CatalogExport catalog, ILogger<CatalogImport> logger)
{
    private const int PageSize = 500;

    public async Task<int> ImportAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        Guid? after = null;
        try
        {
            do
            {
                var page = await catalog.ProductsAsync(after, PageSize, cancellationToken);
                await SaveAsync(page, cancellationToken);
                count += page.Products.Count;
                after = page.Next;
            }
            while (after is not null);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Catalog's export could not be read after {Count} products; the events will bring the rest", count);
        }
        logger.LogInformation("Imported {Count} products from catalog", count);
        return count;
    }

    private async Task SaveAsync(ProductExportPage page, CancellationToken cancellationToken)
    {
        var shopIds = page.Shops.Select(s => s.ShopId).ToList();
        var shops = await db.Shops.Where(s => shopIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var exported in page.Shops)
        {
            if (!shops.TryGetValue(exported.ShopId, out var shop))
                db.Shops.Add(shop = ShopCopy.Create(exported.ShopId));
            // As of the beginning of time: any shop event is newer than this copy.
            shop.Apply(exported.Name, exported.Status, exported.Latitude, exported.Longitude, DateTimeOffset.MinValue);
        }
        var productIds = page.Products.Select(p => p.Product.ProductId).ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var exported in page.Products)
        {
            if (!products.TryGetValue(exported.Product.ProductId, out var product))
                db.Products.Add(product = ProductCopy.Create(exported.Product.ProductId));
            var asOf = exported.Product.UpdatedAt;
            product.Apply(exported.Product, asOf);
            product.ApplyStock(exported.Available, exported.Product.Status, asOf);
            product.ApplyRating(exported.RatingAverage, exported.RatingCount, version: 0);
            product.SetSoldCount(exported.SoldCount);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
