using GoShop.BuildingBlocks.Data;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Products;
using GoShop.Contracts.Demo;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Seed;

/// <summary>
/// The demo catalog (development only): the category tree, catalog's copy of the demo shops, and
/// <see cref="ProductsPerShop"/> products in each shop with prices in VND, stock and the demo images. Deterministic
/// (fixed ids and a fixed random seed) and idempotent: what exists is left alone.
/// </summary>
public sealed class CatalogDemoData(CatalogDbContext db, StockLedger ledger, BrandRegistry brands, ProductEvents events, TimeProvider clock) : IDemoDataSeeder
{
    public const int ProductsPerShop = DemoIds.ProductsPerShop;
    public const int RandomSeed = 2026;

    /// <summary>Categories the demo shops sell besides their own, so every top-level category has products.</summary>
    private static readonly Dictionary<string, string[]> ExtraCategories = new()
    {
        ["nha-xinh-cau-giay"] = ["toys"],
        ["ben-thanh-fashion"] = ["sports"],
        ["ca-phe-tay-ho"] = ["books"],
        ["thoi-trang-pho-co"] = ["sports"],
        ["gia-dung-thao-dien"] = ["toys"],
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await SeedCategoriesAsync(now, cancellationToken);
        await SeedShopsAsync(cancellationToken);
        await SeedProductsAsync(now, cancellationToken);
    }

    private async Task SeedCategoriesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = (await db.Categories.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var position = 0;
        foreach (var top in DemoCategories.Tree)
        {
            var parent = existing.Contains(top.Id)
                ? await db.Categories.SingleAsync(c => c.Id == top.Id, cancellationToken)
                : Add(top, null, position);
            position++;
            var childPosition = 0;
            foreach (var child in top.Children)
            {
                if (!existing.Contains(child.Id))
                    Add(child, parent, childPosition);
                childPosition++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        Category Add(DemoCategory demo, Category? parent, int at)
        {
            var category = Category.Create(demo.Name, demo.NameEn, demo.Slug, parent, at, now, demo.Id).Value!;
            db.Categories.Add(category);
            return category;
        }
    }

    private async Task SeedShopsAsync(CancellationToken cancellationToken)
    {
        var existing = (await db.Shops.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var demo in DemoShops.All.Where(s => !existing.Contains(s.Id)))
        {
            var shop = ShopCopy.Create(demo.Id);
            // As of long ago: the shops subgraph's own events about these shops always win.
            shop.Apply(DemoShops.OwnerId, demo.Name, demo.Slug, ShopCopy.Active, demo.Latitude, demo.Longitude, DateTimeOffset.UnixEpoch);
            db.Shops.Add(shop);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedProductsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var firstId = DemoIds.Product(DemoShops.All[0], 0);
        if (await db.Products.AnyAsync(p => p.Id == firstId, cancellationToken))
            return;
        var generator = new DemoProductGenerator(RandomSeed);
        var brandIds = new Dictionary<string, Guid>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var total = DemoShops.All.Count * ProductsPerShop;
        var ordinal = 0;
        foreach (var shop in DemoShops.All)
        {
            var topLevels = shop.Categories.Concat(ExtraCategories.GetValueOrDefault(shop.Slug) ?? []).ToList();
            for (var i = 0; i < ProductsPerShop; i++)
            {
                var listing = generator.Next(topLevels);
                var (average, count, sold) = generator.NextPopularity();
                if (listing.Brand is { } brandName && !brandIds.ContainsKey(brandName))
                    brandIds[brandName] = (await brands.FindOrCreateAsync(brandName, cancellationToken)).Id;
                // Spread over the last three months, so NEWEST has something to order.
                var listedAt = now.AddHours(-7 * (total - ordinal++));
                await ListAsync(shop, i, listing, listing.Brand is null ? null : brandIds[listing.Brand], listedAt, average, count, sold, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ListAsync(DemoShop shop, int index, GeneratedProduct listing, Guid? brandId, DateTimeOffset listedAt,
        decimal average, int count, int sold, CancellationToken cancellationToken)
    {
        var category = DemoCategories.Leaves.Single(l => l.Leaf.Slug == listing.CategorySlug).Leaf;
        var details = new ProductDetails(listing.Title, listing.Description, brandId, listing.Model, category.Id, listing.Attributes,
            listing.WeightGrams, null);
        var product = Product.List(shop.Id, details, listing.Price, publish: true, lowStockThreshold: 5, listedAt,
            DemoIds.Product(shop, index)).Value!;
        product.ApplyRatingSummary(average, count, listedAt);
        if (sold > 0)
            product.RecordSale(sold, listedAt);
        product.AddMedia(DemoMedia.ForCategory(listing.TopLevelSlug), DemoShops.OwnerId, listedAt);
        db.Products.Add(product);
        db.PriceChanges.Add(PriceChange.Record(product.Id, null, null, product.Price, product.Currency, DemoShops.OwnerId, listedAt));

        var stock = StockLedger.ForNewProduct(product);
        ledger.Open(stock, product, null, listing.Sizes.Count == 0 ? listing.Stock : 0, DemoShops.OwnerId, listedAt);
        foreach (var size in listing.Sizes)
        {
            var variant = ProductVariant.Create(product, $"{shop.Slug[..Math.Min(12, shop.Slug.Length)]}-{index}-{size}".ToUpperInvariant(),
                [new NameValue("Size", size)], product.Price, listedAt).Value!;
            db.Variants.Add(variant);
            ledger.Open(stock, product, variant, listing.Stock / listing.Sizes.Count, DemoShops.OwnerId, listedAt);
        }
        ledger.Settle(stock, listedAt);
        await events.CreatedAsync(product, listedAt, cancellationToken);
    }
}
