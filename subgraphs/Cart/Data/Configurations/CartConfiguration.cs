using GoShop.Cart.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Cart.Data.Configurations;

internal sealed class CartConfiguration : IEntityTypeConfiguration<ShoppingCart>
{
    public void Configure(EntityTypeBuilder<ShoppingCart> builder)
    {
        builder.ToTable("carts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // One active cart per buyer; LockOrOpenCartAsync inserts against it.
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Coupons).WithOne().HasForeignKey(c => c.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsEmpty);
    }
}

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> builder)
    {
        builder.ToTable("cart_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Currency).HasMaxLength(3);
        // One line per product and variant in a cart; a product without variants is one line too (NULLS NOT DISTINCT).
        builder.HasIndex(i => new { i.CartId, i.ProductId, i.VariantId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class CartCouponConfiguration : IEntityTypeConfiguration<CartCoupon>
{
    public void Configure(EntityTypeBuilder<CartCoupon> builder)
    {
        builder.ToTable("cart_coupons");
        builder.HasKey(c => new { c.CartId, c.ShopId });
        builder.Property(c => c.Code).HasMaxLength(CartCoupon.MaxCode);
    }
}

internal sealed class LinesRequestConfiguration : IEntityTypeConfiguration<LinesRequest>
{
    public void Configure(EntityTypeBuilder<LinesRequest> builder)
    {
        builder.ToTable("lines_requests");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.RequestId).ValueGeneratedNever();
        builder.Property(r => r.Answer).HasColumnType("jsonb");
        builder.HasIndex(r => r.CreatedAt);
    }
}
