using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.GraphQL.Loaders;

/// <summary>Products by id, deleted ones included (orders placed before a deletion still show what was bought).</summary>
public sealed class ProductByIdLoader(CatalogDbContext db) : BatchLoader<Guid, Product>
{
    protected override async Task<IReadOnlyDictionary<Guid, Product>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
}

public sealed class VariantByIdLoader(CatalogDbContext db) : BatchLoader<Guid, ProductVariant>
{
    protected override async Task<IReadOnlyDictionary<Guid, ProductVariant>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Variants.AsNoTracking().Where(v => keys.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
}

public sealed class VariantsByProductLoader(CatalogDbContext db) : GroupLoader<Guid, ProductVariant>
{
    protected override async Task<ILookup<Guid, ProductVariant>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Variants.AsNoTracking().Where(v => keys.Contains(v.ProductId)).OrderBy(v => v.Id).ToListAsync(cancellationToken))
            .ToLookup(v => v.ProductId);
}

public sealed class BrandByIdLoader(CatalogDbContext db) : BatchLoader<Guid, Brand>
{
    protected override async Task<IReadOnlyDictionary<Guid, Brand>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Brands.AsNoTracking().Where(b => keys.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
}

public sealed class CategoryByIdLoader(CatalogDbContext db) : BatchLoader<Guid, Category>
{
    protected override async Task<IReadOnlyDictionary<Guid, Category>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
}

/// <summary>The subcategories of many categories, in display order.</summary>
public sealed class CategoryChildrenLoader(CatalogDbContext db) : GroupLoader<Guid, Category>
{
    protected override async Task<ILookup<Guid, Category>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Categories.AsNoTracking()
            .Where(c => c.ParentId != null && keys.Contains(c.ParentId.Value))
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.ParentId!.Value);
}

/// <summary>The galleries of many products, in gallery order.</summary>
public sealed class MediaByProductLoader(CatalogDbContext db) : GroupLoader<Guid, ProductMedia>
{
    protected override async Task<ILookup<Guid, ProductMedia>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.ProductMedia.AsNoTracking().Where(m => keys.Contains(m.ProductId)).OrderBy(m => m.Position).ToListAsync(cancellationToken))
            .ToLookup(m => m.ProductId);
}

public sealed class ShopCopyByIdLoader(CatalogDbContext db) : BatchLoader<Guid, ShopCopy>
{
    protected override async Task<IReadOnlyDictionary<Guid, ShopCopy>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Shops.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
}

/// <summary>A stock row as read now: expired reservations no longer count against it.</summary>
public sealed record StockView(StockItem Row, int ExpiredHeld)
{
    public int Reserved => Row.LiveReserved(ExpiredHeld);

    public int Available => Row.Available(ExpiredHeld);
}

/// <summary>The stock rows of many products (their own and their variants'), two queries per batch.</summary>
public sealed class StockByProductLoader(CatalogDbContext db, StockLedger ledger, TimeProvider clock) : GroupLoader<Guid, StockView>
{
    protected override async Task<ILookup<Guid, StockView>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        var rows = await db.StockItems.AsNoTracking().Where(s => keys.Contains(s.ProductId)).ToListAsync(cancellationToken);
        var expired = await ledger.ExpiredHeldAsync(rows.Select(r => r.Id).ToArray(), clock.GetUtcNow(), cancellationToken);
        return rows.Select(r => new StockView(r, expired.GetValueOrDefault(r.Id))).ToLookup(v => v.Row.ProductId);
    }
}
