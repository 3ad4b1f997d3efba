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
        var others = db.Products.AsNoTracking()
            .Where(p => p.Id != product.Id && p.DeletedAt == null && (p.Status == ProductStatus.Active || p.Status == ProductStatus.OutOfStock));
        if (product.CategoryId is not { } categoryId)
            return await BestSelling(others.Where(p => p.BrandId == product.BrandId), first).ToListAsync(cancellationToken);

        // Two reads from the top of an index instead of sorting the whole category (thousands of rows in a big
        // catalog): the same brand's best sellers in the category, then the category's best sellers after them.
        var inCategory = others.Where(p => p.CategoryId == categoryId);
        var sameBrand = product.BrandId is { } brandId
            ? await BestSelling(inCategory.Where(p => p.BrandId == brandId), first).ToListAsync(cancellationToken)
            : [];
        if (sameBrand.Count == first)
            return sameBrand;
        var taken = sameBrand.Select(p => p.Id).ToHashSet();
        var bestSellers = await BestSelling(inCategory, first + sameBrand.Count).ToListAsync(cancellationToken);
        return [.. sameBrand, .. bestSellers.Where(p => !taken.Contains(p.Id)).Take(first - sameBrand.Count)];
    }

    private static IQueryable<Product> BestSelling(IQueryable<Product> products, int first) =>
        products.OrderByDescending(p => p.SoldCount).ThenByDescending(p => p.Id).Take(first);
}
