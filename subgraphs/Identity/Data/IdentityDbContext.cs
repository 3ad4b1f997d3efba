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

    /// <summary>Locks a user's row until the current transaction ends, so changes to one account run one after another.</summary>
    public Task LockUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = {userId} FOR UPDATE", cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
    }
}
