using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Search;

/// <summary>
/// <c>Product.related</c>: public products of the same category, those of the same brand first, then the best sellers;
/// a product without a category is related to its brand's products.
/// </summary>
public static class RelatedProducts
{
    public static async Task<List<Product>> FindAsync(CatalogDbContext db, Product product, int first, CancellationToken cancellationToken)
    {
        if (product.CategoryId is null && product.BrandId is null)
            return [];
        var categoryId = product.CategoryId;
        var brandId = product.BrandId;
        var candidates = db.Products.AsNoTracking()
            .Where(p => p.Id != product.Id && p.DeletedAt == null && (p.Status == ProductStatus.Active || p.Status == ProductStatus.OutOfStock));
        candidates = categoryId is { } category
            ? candidates.Where(p => p.CategoryId == category)
            : candidates.Where(p => p.BrandId == brandId);
        return await candidates
            .OrderByDescending(p => brandId != null && p.BrandId == brandId)
            .ThenByDescending(p => p.SoldCount)
            .ThenByDescending(p => p.Id)
            .Take(first)
            .ToListAsync(cancellationToken);
    }
}
