using GoShop.Cart.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Cart.Data.Configurations;

internal sealed class SavedCartConfiguration : IEntityTypeConfiguration<SavedCart>
{
    public const string NameIndex = "ix_saved_carts_user_id_name";

    public void Configure(EntityTypeBuilder<SavedCart> builder)
    {
        builder.ToTable("saved_carts");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // citext: "Tết" and "tết" are the same name.
        builder.Property(s => s.Name).HasMaxLength(SavedCart.MaxName).HasColumnType("citext");
        builder.HasIndex(s => new { s.UserId, s.Name }).IsUnique().HasDatabaseName(NameIndex);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SavedCartId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.ItemCount);
    }
}

internal sealed class SavedCartItemConfiguration : IEntityTypeConfiguration<SavedCartItem>
{
    public void Configure(EntityTypeBuilder<SavedCartItem> builder)
    {
        builder.ToTable("saved_cart_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => i.SavedCartId);
    }
}
