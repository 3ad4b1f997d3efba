using GoShop.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Identity.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.FullName).HasMaxLength(100);
        builder.Property(u => u.Phone).HasMaxLength(20);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.SuspensionReason).HasMaxLength(500);
        builder.Property(u => u.Roles);
        builder.HasIndex(u => u.Roles).HasMethod("gin");
        builder.Ignore(u => u.IsActive);

        builder.HasMany(u => u.Addresses)
            .WithOne()
            .HasForeignKey(a => a.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Addresses).HasField("_addresses").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsOne(u => u.ShipperProfile, shipper =>
        {
            shipper.ToTable("shipper_profiles");
            shipper.WithOwner().HasForeignKey("UserId");
            shipper.Property<Guid>("UserId").HasColumnName("user_id");
            shipper.Property(s => s.VehicleType).HasConversion<string>().HasMaxLength(20);
            shipper.Property(s => s.PlateNumber).HasMaxLength(20);
            shipper.Property(s => s.IdNumberLast4).HasMaxLength(4);
            shipper.Property(s => s.IdNumberHash).HasMaxLength(64);
            shipper.HasIndex(s => s.IdNumberHash).IsUnique();
        });
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.RecipientName).HasMaxLength(100);
        builder.Property(a => a.Phone).HasMaxLength(20);
        builder.Property(a => a.Line1).HasMaxLength(200);
        builder.Property(a => a.Line2).HasMaxLength(200);
        builder.Property(a => a.Ward).HasMaxLength(100);
        builder.Property(a => a.District).HasMaxLength(100);
        builder.Property(a => a.City).HasMaxLength(100);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.PostalCode).HasMaxLength(20);
        builder.Ignore(a => a.Location);
        builder.HasIndex(a => a.UserId);
    }
}
