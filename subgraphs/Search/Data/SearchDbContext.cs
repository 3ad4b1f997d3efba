using GoShop.BuildingBlocks.Data;
using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Search.Data;

public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : GoShopDbContext(options)
{
    public DbSet<ProductCopy> Products => Set<ProductCopy>();

    public DbSet<ShopCopy> Shops => Set<ShopCopy>();

    public DbSet<CategoryCopy> Categories => Set<CategoryCopy>();

    public DbSet<PriceAlert> PriceAlerts => Set<PriceAlert>();

    public DbSet<ProductViewRecord> ProductViews => Set<ProductViewRecord>();

    public DbSet<SearchRecord> Searches => Set<SearchRecord>();

    public DbSet<SearchClick> SearchClicks => Set<SearchClick>();

    public DbSet<RecentSearch> RecentSearches => Set<RecentSearch>();

    public DbSet<CoPurchase> CoPurchases => Set<CoPurchase>();

    public DbSet<ProductTrend> Trends => Set<ProductTrend>();

    /// <summary>Counts an interaction with a product in its trend in one statement (no lost update between two at once).</summary>
    public Task AddToTrendAsync(Guid productId, double weight, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var term = Trend.Term(weight, at);
        // log2(2^a + 2^b) computed as max + log2(1 + 2^-(|a - b|)), so neither power overflows.
        return Database.ExecuteSqlAsync($"""
            INSERT INTO product_trends (product_id, key) VALUES ({productId}, {term})
            ON CONFLICT (product_id) DO UPDATE
            SET key = GREATEST(product_trends.key, EXCLUDED.key) + log(2, (1 + power(2::numeric, -abs(product_trends.key - EXCLUDED.key)::numeric)))::double precision
            """, cancellationToken);
    }

    /// <summary>
    /// Marks every product of a shop as changed, so each instance's index feed picks them up again with the shop's new
    /// status and location (the trigger on product_copies stamps the transaction id).
    /// </summary>
    public Task TouchProductsOfShopAsync(Guid shopId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"UPDATE product_copies SET shop_id = shop_id WHERE shop_id = {shopId}", cancellationToken);

    /// <summary>Locks a product copy's row until the transaction ends (two events of one product apply one after the other), creating it if needed.</summary>
    public async Task<ProductCopy> LockProductAsync(Guid productId, CancellationToken cancellationToken)
    {
        await LockAsync("search.product", productId.ToString(), cancellationToken);
        var product = await Products.SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is not null)
            return product;
        product = ProductCopy.Create(productId);
        Products.Add(product);
        return product;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SearchDbContext).Assembly);
    }
}
