using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Catalog.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Category.MaxName);
        builder.Property(c => c.NameEn).HasMaxLength(Category.MaxName);
        builder.Property(c => c.Slug).HasMaxLength(Category.MaxSlug);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.ParentId);
        builder.HasIndex(c => c.Path).HasMethod("gin");
        builder.Ignore(c => c.Depth);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.ToTable("brands");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(Brand.MaxName);
        builder.Property(b => b.Slug).HasMaxLength(Brand.MaxName);
        builder.HasIndex(b => b.Slug).IsUnique();
    }
}

internal sealed class ShopCopyConfiguration : IEntityTypeConfiguration<ShopCopy>
{
    public void Configure(EntityTypeBuilder<ShopCopy> builder)
    {
        builder.ToTable("shops");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Slug).HasMaxLength(200);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(s => s.Location).HasMethod("gist");
        builder.HasIndex(s => s.OwnerId);
        builder.Ignore(s => s.IsActive);
    }
}
