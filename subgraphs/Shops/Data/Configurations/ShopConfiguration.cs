using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Shops.Data.Configurations;

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> builder)
    {
        builder.ToTable("shops");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Slug).HasMaxLength(ShopSlug.MaxLength);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.Property(s => s.RatingAverage).HasPrecision(3, 2);
        builder.Property(s => s.City).HasMaxLength(100);
        // geography, not geometry: distances in metres on the globe; the GiST index serves ST_DWithin.
        builder.Property(s => s.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(s => s.Location).HasMethod("gist");
        builder.Property(s => s.Phone).HasMaxLength(20);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Categories);
        builder.HasIndex(s => s.Categories).HasMethod("gin");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.OwnerId, s.Status });
        builder.Ignore(s => s.Position);
        builder.Ignore(s => s.IsClosed);
    }
}
