using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GoShop.Shops.Data.Configurations;

internal sealed class OwnerStandingConfiguration : IEntityTypeConfiguration<OwnerStanding>
{
    public void Configure(EntityTypeBuilder<OwnerStanding> builder)
    {
        builder.ToTable("owner_standings");
        builder.HasKey(o => o.OwnerId);
        builder.Property(o => o.OwnerId).ValueGeneratedNever();
    }
}
