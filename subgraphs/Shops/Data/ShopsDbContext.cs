using GoShop.BuildingBlocks.Data;
using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Data;

public sealed class ShopsDbContext(DbContextOptions<ShopsDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Shop> Shops => Set<Shop>();

    public DbSet<Promotion> Promotions => Set<Promotion>();

    public DbSet<PromotionRedemption> PromotionRedemptions => Set<PromotionRedemption>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<OwnerStanding> OwnerStandings => Set<OwnerStanding>();

    /// <summary>Locks a shop's row until the current transaction ends, so changes to one shop run one after another.</summary>
    public Task<Shop?> LockShopAsync(Guid shopId, CancellationToken cancellationToken) =>
        Shops.FromSql($"SELECT * FROM shops WHERE id = {shopId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Locks a promotion's row until the current transaction ends and reads it fresh: redemptions of one promotion
    /// then count against its limits one after another.
    /// </summary>
    public Task<Promotion?> LockPromotionAsync(Guid promotionId, CancellationToken cancellationToken) =>
        Promotions.FromSql($"SELECT * FROM promotions WHERE id = {promotionId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("citext");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopsDbContext).Assembly);
    }
}
