using GoShop.Cart.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Cart.Data.Configurations;

internal sealed class ProductCopyConfiguration : IEntityTypeConfiguration<ProductCopy>
{
    public void Configure(EntityTypeBuilder<ProductCopy> builder)
    {
        builder.ToTable("product_copies");
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.ProductId).ValueGeneratedNever();
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Ignore(p => p.IsDeleted);
    }
}

internal sealed class VariantCopyConfiguration : IEntityTypeConfiguration<VariantCopy>
{
    public void Configure(EntityTypeBuilder<VariantCopy> builder)
    {
        builder.ToTable("variant_copies");
        builder.HasKey(v => v.VariantId);
        builder.Property(v => v.VariantId).ValueGeneratedNever();
        builder.HasIndex(v => v.ProductId);
    }
}
