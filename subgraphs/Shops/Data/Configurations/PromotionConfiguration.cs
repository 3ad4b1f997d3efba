using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Shops.Data.Configurations;

internal sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> builder)
    {
        builder.ToTable("promotions", table =>
        {
            table.HasCheckConstraint("ck_promotions_window", "starts_at < ends_at");
            table.HasCheckConstraint("ck_promotions_redemption_count", "redemption_count >= 0 AND (usage_limit IS NULL OR redemption_count <= usage_limit)");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Shop>().WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(1000);
        // citext: one shop cannot have GOSHOP10 and goshop10; lookups ignore letter case too.
        builder.Property(p => p.CouponCode).HasColumnType("citext").HasMaxLength(CouponCode.MaxLength);
        builder.HasIndex(p => new { p.ShopId, p.CouponCode }).IsUnique().HasFilter("coupon_code IS NOT NULL AND deleted_at IS NULL");
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ProductIds);
        builder.HasIndex(p => p.ShopId);
        builder.Ignore(p => p.Terms);
    }
}

internal sealed class PromotionRedemptionConfiguration : IEntityTypeConfiguration<PromotionRedemption>
{
    public void Configure(EntityTypeBuilder<PromotionRedemption> builder)
    {
        builder.ToTable("promotion_redemptions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Promotion>().WithMany().HasForeignKey(r => r.PromotionId).OnDelete(DeleteBehavior.Restrict);
        // Exactly once per order: the backstop under the promotion's row lock.
        builder.HasIndex(r => new { r.PromotionId, r.OrderId }).IsUnique();
        builder.HasIndex(r => new { r.PromotionId, r.UserId });
        builder.HasIndex(r => r.OrderId);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Ignore(r => r.IsReleased);
    }
}
