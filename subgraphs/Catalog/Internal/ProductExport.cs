using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using GoShop.Contracts.Catalog;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Internal;

/// <summary>
/// Every live product, page by page in id order, as its events describe it plus stock, ratings and sold units; and the
/// category tree. Search rebuilds its copies from it when it has none.
/// </summary>
public sealed class ProductExport(CatalogDbContext db, StockLedger ledger)
{
    public async Task<ProductExportPage> PageAsync(Guid? after, int size, CancellationToken cancellationToken)
    {
        var products = await db.Products.AsNoTracking().Include(p => p.Media)
            .Where(p => p.DeletedAt == null && (after == null || p.Id.CompareTo(after.Value) > 0))
            .OrderBy(p => p.Id).Take(size).ToListAsync(cancellationToken);
        var productIds = products.Select(p => p.Id).ToArray();
        var brandIds = products.Where(p => p.BrandId != null).Select(p => p.BrandId!.Value).Distinct().ToArray();
        var categoryIds = products.Where(p => p.CategoryId != null).Select(p => p.CategoryId!.Value).Distinct().ToArray();
        var shopIds = products.Select(p => p.ShopId).Distinct().ToArray();
        var brands = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var paths = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Path, cancellationToken);
        var shops = await db.Shops.AsNoTracking().Where(s => shopIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var rows = await db.StockItems.AsNoTracking().Where(s => productIds.Contains(s.ProductId)).ToListAsync(cancellationToken);
        var expired = await ledger.ExpiredHeldAsync(rows.Select(r => r.Id).ToArray(), DateTimeOffset.UtcNow, cancellationToken);
        var available = rows.GroupBy(r => r.ProductId).ToDictionary(g => g.Key, g => g.Sum(r => r.Available(expired.GetValueOrDefault(r.Id))));
        var exported = products.Select(p => new ExportedProduct(
            new ProductSnapshot(p.Id, p.ShopId, p.Title, p.Description, p.BrandId is { } b ? brands.GetValueOrDefault(b) : null, p.Model, p.CategoryId,
                p.CategoryId is { } c && paths.TryGetValue(c, out var path) ? path : [], p.Status.ToContractName(), p.Price, p.SalePrice, p.SaleStartsAt,
                p.SaleEndsAt, p.Currency, p.WeightGrams, p.Media.OrderBy(m => m.Position).Select(m => m.MediaId).ToList(), p.CreatedAt, p.UpdatedAt),
            available.GetValueOrDefault(p.Id), p.RatingAverage, p.RatingCount, p.SoldCount)).ToList();
        return new ProductExportPage(
            exported,
            shops.Select(s => new ExportedShop(s.Id, s.Name, s.Status, s.Location.Y, s.Location.X)).ToList(),
            products.Count == size ? products[^1].Id : null);
    }

    public async Task<IReadOnlyList<CategorySummary>> CategoriesAsync(CancellationToken cancellationToken) =>
        (await db.Categories.AsNoTracking().OrderBy(c => c.Position).ToListAsync(cancellationToken))
            .Select(c => new CategorySummary(c.Id, c.ParentId, c.Name, c.NameEn, c.Path)).ToList();
}
