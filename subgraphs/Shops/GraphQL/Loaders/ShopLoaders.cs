using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.GraphQL.Loaders;

/// <summary>Shops by id, one query per batch (the gateway resolves Shop references through it).</summary>
public sealed class ShopByIdLoader(ShopsDbContext db) : BatchLoader<Guid, Shop>
{
    protected override async Task<IReadOnlyDictionary<Guid, Shop>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Shops.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
}

/// <summary>The shops of many owners, newest first, one query per batch (User.shops).</summary>
public sealed class ShopsByOwnerLoader(ShopsDbContext db) : GroupLoader<Guid, Shop>
{
    protected override async Task<ILookup<Guid, Shop>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Shops.AsNoTracking().Where(s => keys.Contains(s.OwnerId)).OrderByDescending(s => s.Id).ToListAsync(cancellationToken))
            .ToLookup(s => s.OwnerId);
}

/// <summary>Promotions by id, one query per batch (deleted ones included: references to them stay resolvable).</summary>
public sealed class PromotionByIdLoader(ShopsDbContext db) : BatchLoader<Guid, Promotion>
{
    protected override async Task<IReadOnlyDictionary<Guid, Promotion>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Promotions.AsNoTracking().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
}

/// <summary>The promotions each campaign groups (not deleted), one query per batch.</summary>
public sealed class PromotionsByCampaignLoader(ShopsDbContext db) : GroupLoader<Guid, Promotion>
{
    protected override async Task<ILookup<Guid, Promotion>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Promotions.AsNoTracking()
            .Where(p => p.CampaignId != null && keys.Contains(p.CampaignId.Value) && p.DeletedAt == null)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken))
            .ToLookup(p => p.CampaignId!.Value);
}

/// <summary>Campaigns by id, one query per batch.</summary>
public sealed class CampaignByIdLoader(ShopsDbContext db) : BatchLoader<Guid, Campaign>
{
    protected override async Task<IReadOnlyDictionary<Guid, Campaign>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
}
