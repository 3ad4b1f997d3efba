using GoShop.Analytics.Domain;
using GoShop.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GoShop.Analytics.Data;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : GoShopDbContext(options)
{
    public DbSet<OrderFact> Orders => Set<OrderFact>();

    public DbSet<OrderLineFact> OrderLines => Set<OrderLineFact>();

    public DbSet<PaymentFact> Payments => Set<PaymentFact>();

    public DbSet<RefundFact> Refunds => Set<RefundFact>();

    public DbSet<ReturnFact> Returns => Set<ReturnFact>();

    public DbSet<EscrowFact> Escrows => Set<EscrowFact>();

    public DbSet<ShipmentFact> Shipments => Set<ShipmentFact>();

    public DbSet<ProductViewFact> ProductViews => Set<ProductViewFact>();

    public DbSet<CartAddFact> CartAdds => Set<CartAddFact>();

    public DbSet<ShopCopy> Shops => Set<ShopCopy>();

    public DbSet<ProductCopy> Products => Set<ProductCopy>();

    public DbSet<Rollup> Rollups => Set<Rollup>();

    public DbSet<ShopReportVersion> ShopReportVersions => Set<ShopReportVersion>();

    public DbSet<RollupRebuildJob> RollupRebuildJobs => Set<RollupRebuildJob>();

    public DbSet<PendingRecount> PendingRecounts => Set<PendingRecount>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Events carry instants with whatever offset their publisher used; PostgreSQL's timestamptz takes UTC only.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnalyticsDbContext).Assembly);
    }
}

/// <summary>Stores an instant as UTC, the same instant whatever offset it came with.</summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
