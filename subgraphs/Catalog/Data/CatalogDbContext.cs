using GoShop.BuildingBlocks.Data;
using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : GoShopDbContext(options)
{
    /// <summary>
    /// The immutable unaccent wrapper created by the first migration. PostgreSQL's unaccent() is only STABLE (its
    /// dictionary could change), which generated columns and expression indexes refuse; naming the dictionary makes it safe.
    /// </summary>
    public const string UnaccentFunction = "catalog_unaccent";

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductVariant> Variants => Set<ProductVariant>();

    public DbSet<ProductMedia> ProductMedia => Set<ProductMedia>();

    public DbSet<PriceChange> PriceChanges => Set<PriceChange>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<ShopCopy> Shops => Set<ShopCopy>();

    public DbSet<StockItem> StockItems => Set<StockItem>();

    public DbSet<InventoryMovement> InventoryMovements => Set<InventoryMovement>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<ReservationLine> ReservationLines => Set<ReservationLine>();

    /// <summary>Text without diacritics, in SQL (<see cref="UnaccentFunction"/>); not callable in .NET.</summary>
    public static string Unaccent(string text) => throw new InvalidOperationException("Only for use in LINQ to SQL: " + text);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasDbFunction(typeof(CatalogDbContext).GetMethod(nameof(Unaccent))!).HasName(UnaccentFunction);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
    }
}
