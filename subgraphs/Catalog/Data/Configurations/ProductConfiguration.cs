using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Catalog.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products", t =>
        {
            t.HasCheckConstraint("ck_products_price_positive", "price > 0");
            t.HasCheckConstraint("ck_products_sale_price_below_price", "sale_price IS NULL OR (sale_price > 0 AND sale_price < price AND sale_ends_at > sale_starts_at)");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(Product.MaxTitle);
        builder.Property(p => p.Description).HasMaxLength(Product.MaxDescription);
        builder.Property(p => p.Model).HasMaxLength(Product.MaxModel);
        builder.Property(p => p.Attributes).AsJsonList();
        builder.Property(p => p.LengthCm).HasPrecision(9, 2);
        builder.Property(p => p.WidthCm).HasPrecision(9, 2);
        builder.Property(p => p.HeightCm).HasPrecision(9, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.RatingAverage).HasPrecision(3, 2);
        builder.Ignore(p => p.Dimensions);
        builder.Ignore(p => p.Details);
        builder.Ignore(p => p.IsDeleted);

        // Vietnamese search without diacritics: both columns go through the immutable unaccent wrapper, so "dien thoai"
        // finds "Điện thoại". The 'simple' configuration keeps words as they are (no English stemming of Vietnamese).
        builder.Property(p => p.SearchVector)
            .HasComputedColumnSql(
                $"setweight(to_tsvector('simple', {CatalogDbContext.UnaccentFunction}(title)), 'A') || " +
                $"setweight(to_tsvector('simple', {CatalogDbContext.UnaccentFunction}(coalesce(model, ''))), 'B') || " +
                $"setweight(to_tsvector('simple', {CatalogDbContext.UnaccentFunction}(coalesce(description, ''))), 'C')",
                stored: true);
        builder.Property(p => p.SearchTitle)
            .HasComputedColumnSql($"{CatalogDbContext.UnaccentFunction}(lower(title))", stored: true);
        builder.HasIndex(p => p.SearchVector).HasMethod("gin");
        builder.HasIndex(p => p.SearchTitle).HasMethod("gin").HasOperators("gin_trgm_ops");

        builder.HasIndex(p => new { p.ShopId, p.Id });
        builder.HasIndex(p => p.CategoryId);
        builder.HasIndex(p => p.BrandId);
        // The public listing orders: each index ends with the id that breaks ties, like the cursors do.
        builder.HasIndex(p => new { p.CreatedAt, p.Id }).HasDatabaseName("ix_products_newest").HasFilter("deleted_at IS NULL");
        builder.HasIndex(p => new { p.SoldCount, p.Id }).HasDatabaseName("ix_products_best_selling").HasFilter("deleted_at IS NULL");
        builder.HasIndex(p => new { p.RatingAverage, p.Id }).HasDatabaseName("ix_products_rating").HasFilter("deleted_at IS NULL");
        builder.HasIndex(p => new { p.Price, p.Id }).HasDatabaseName("ix_products_price").HasFilter("deleted_at IS NULL");
        // Product.related: a category's best sellers, and those of one brand in it, read from the top of an index.
        builder.HasIndex(p => new { p.CategoryId, p.SoldCount, p.Id }).HasDatabaseName("ix_products_category_best_selling").HasFilter("deleted_at IS NULL");
        builder.HasIndex(p => new { p.CategoryId, p.BrandId, p.SoldCount, p.Id }).HasDatabaseName("ix_products_category_brand_best_selling").HasFilter("deleted_at IS NULL");

        builder.HasOne<ShopCopy>().WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Media).WithOne().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Media).HasField("_media").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProductMediaConfiguration : IEntityTypeConfiguration<ProductMedia>
{
    public void Configure(EntityTypeBuilder<ProductMedia> builder)
    {
        builder.ToTable("product_media");
        builder.HasKey(m => new { m.ProductId, m.MediaId });
    }
}

internal sealed class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> builder)
    {
        builder.ToTable("product_variants", t => t.HasCheckConstraint("ck_product_variants_price_positive", "price > 0"));
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Sku).HasMaxLength(ProductVariant.MaxSku);
        builder.Property(v => v.Options).AsJsonList();
        builder.Ignore(v => v.Title);
        builder.HasIndex(v => new { v.ShopId, v.Sku }).IsUnique();
        builder.HasIndex(v => v.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriceChangeConfiguration : IEntityTypeConfiguration<PriceChange>
{
    public void Configure(EntityTypeBuilder<PriceChange> builder)
    {
        builder.ToTable("price_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.HasIndex(c => new { c.ProductId, c.Id });
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
