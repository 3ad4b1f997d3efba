using GoShop.BuildingBlocks.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.Security;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Identity.Data;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : GoShopDbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}
