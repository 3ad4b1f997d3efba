using GoShop.BuildingBlocks.Data;
using GoShop.Media.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Media.Data;

public sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : GoShopDbContext(options)
{
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MediaDbContext).Assembly);
    }
}
