using GoShop.Search.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Search.Data.Configurations;

internal sealed class ProductCopyConfiguration : IEntityTypeConfiguration<ProductCopy>
{
    public void Configure(EntityTypeBuilder<ProductCopy> builder)
    {
        builder.ToTable("product_copies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Brand).HasMaxLength(100);
        builder.Property(p => p.Model).HasMaxLength(100);
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.RatingAverage).HasPrecision(3, 2);
        builder.HasIndex(p => p.ShopId);
        // The feed asks every 200 ms which discounts started or ended since its last read: without these, a scan of
        // every copy (about 40 ms of CPU over 100,000 products, five times a second, whether anything changed or not).
        builder.HasIndex(p => p.SaleStartsAt).HasFilter("sale_starts_at IS NOT NULL");
        builder.HasIndex(p => p.SaleEndsAt).HasFilter("sale_ends_at IS NOT NULL");
        builder.Ignore(p => p.Searchable);
        builder.Ignore(p => p.InStock);
    }
}

internal sealed class ShopCopyConfiguration : IEntityTypeConfiguration<ShopCopy>
{
    public void Configure(EntityTypeBuilder<ShopCopy> builder)
    {
        builder.ToTable("shop_copies");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Ignore(s => s.IsActive);
    }
}

internal sealed class CategoryCopyConfiguration : IEntityTypeConfiguration<CategoryCopy>
{
    public void Configure(EntityTypeBuilder<CategoryCopy> builder)
    {
        builder.ToTable("category_copies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
    }
}

internal sealed class PriceAlertConfiguration : IEntityTypeConfiguration<PriceAlert>
{
    /// <summary>One active alert per buyer and product; a second create runs into it.</summary>
    public const string ActiveIndex = "ix_price_alerts_active_user_product";

    public void Configure(EntityTypeBuilder<PriceAlert> builder)
    {
        builder.ToTable("price_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Currency).HasMaxLength(3);
        builder.Property(a => a.TriggerReason).HasMaxLength(30);
        builder.HasIndex(a => new { a.UserId, a.ProductId }).IsUnique().HasFilter("status = 'Active'").HasDatabaseName(ActiveIndex);
        builder.HasIndex(a => new { a.ProductId, a.Status });
    }
}

internal sealed class ProductViewConfiguration : IEntityTypeConfiguration<ProductViewRecord>
{
    public void Configure(EntityTypeBuilder<ProductViewRecord> builder)
    {
        builder.ToTable("product_views");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.VisitorId).HasMaxLength(SearchLimits.MaxVisitorIdLength);
        builder.HasIndex(v => new { v.UserId, v.ViewedAt });
        // The view publisher reads the unpublished ones, oldest first.
        builder.HasIndex(v => v.ViewedAt).HasFilter("published_at IS NULL").HasDatabaseName("ix_product_views_unpublished");
    }
}

internal sealed class SearchRecordConfiguration : IEntityTypeConfiguration<SearchRecord>
{
    public void Configure(EntityTypeBuilder<SearchRecord> builder)
    {
        builder.ToTable("searches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Query).HasMaxLength(SearchLimits.MaxQueryLength);
        builder.Property(s => s.Normalized).HasMaxLength(SearchLimits.MaxQueryLength);
        builder.HasIndex(s => s.SearchedAt);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class SearchClickConfiguration : IEntityTypeConfiguration<SearchClick>
{
    public void Configure(EntityTypeBuilder<SearchClick> builder)
    {
        builder.ToTable("search_clicks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Query).HasMaxLength(SearchLimits.MaxQueryLength);
        builder.HasIndex(c => c.SearchId);
        builder.HasIndex(c => c.UserId);
    }
}

internal sealed class RecentSearchConfiguration : IEntityTypeConfiguration<RecentSearch>
{
    public void Configure(EntityTypeBuilder<RecentSearch> builder)
    {
        builder.ToTable("recent_searches");
        builder.HasKey(r => new { r.UserId, r.Normalized });
        builder.Property(r => r.Normalized).HasMaxLength(SearchLimits.MaxQueryLength);
        builder.Property(r => r.Query).HasMaxLength(SearchLimits.MaxQueryLength);
        builder.HasIndex(r => new { r.UserId, r.SearchedAt });
    }
}

internal sealed class CoPurchaseConfiguration : IEntityTypeConfiguration<CoPurchase>
{
    public void Configure(EntityTypeBuilder<CoPurchase> builder)
    {
        builder.ToTable("co_purchases");
        builder.HasKey(c => new { c.ProductId, c.OtherProductId });
    }
}

internal sealed class ProductTrendConfiguration : IEntityTypeConfiguration<ProductTrend>
{
    public void Configure(EntityTypeBuilder<ProductTrend> builder)
    {
        builder.ToTable("product_trends");
        builder.HasKey(t => t.ProductId);
        builder.Property(t => t.ProductId).ValueGeneratedNever();
        // trendingProducts reads the highest keys first (see Trend).
        builder.HasIndex(t => t.Key).IsDescending(true);
    }
}
