using GoShop.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>The test subgraph's data: widgets in categories with parts, and the probes its consumer handled.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : GoShopDbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<Part> Parts => Set<Part>();

    public DbSet<HandledProbe> HandledProbes => Set<HandledProbe>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Widget>().HasIndex(w => w.Batch);
        modelBuilder.Entity<Part>().HasIndex(p => p.WidgetId);
        modelBuilder.Entity<HandledProbe>().HasIndex(h => h.ProbeId);
    }
}
