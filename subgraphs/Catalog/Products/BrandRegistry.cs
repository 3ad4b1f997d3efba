using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Products;

/// <summary>Brands by name: the first product to name a brand creates it; later ones, however they spell it, find it.</summary>
public sealed class BrandRegistry(CatalogDbContext db, TimeProvider clock)
{
    /// <summary>The brand with this name's slug, created if none exists (safe against a concurrent creation).</summary>
    public async Task<Brand> FindOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        var candidate = Brand.Create(name, clock.GetUtcNow());
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO brands (id, name, slug, created_at) VALUES ({candidate.Id}, {candidate.Name}, {candidate.Slug}, {candidate.CreatedAt}) ON CONFLICT (slug) DO NOTHING",
            cancellationToken);
        return await db.Brands.SingleAsync(b => b.Slug == candidate.Slug, cancellationToken);
    }
}
