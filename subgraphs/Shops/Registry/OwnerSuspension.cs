using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Registry;

/// <summary>
/// Hides a suspended owner's active shops from buyers and brings back exactly those when the owner is reinstated.
/// Runs inside the identity event handler's transaction; each shop that changes publishes ShopUpdated, so catalog's
/// copy follows.
/// </summary>
public sealed class OwnerSuspension(ShopsDbContext db, TimeProvider clock)
{
    /// <summary>Hides the owner's active shops; answers how many, none when a later decision about the owner is known.</summary>
    public Task<int> SuspendAsync(Guid ownerId, DateTimeOffset decidedAt, CancellationToken cancellationToken) =>
        DecideAsync(ownerId, suspended: true, decidedAt, (shop, now) => shop.HideWithOwner(now), cancellationToken);

    /// <summary>Brings back the owner's shops the suspension hid; answers how many.</summary>
    public Task<int> ReinstateAsync(Guid ownerId, DateTimeOffset decidedAt, CancellationToken cancellationToken) =>
        DecideAsync(ownerId, suspended: false, decidedAt, (shop, now) => shop.ReturnWithOwner(now), cancellationToken);

    private async Task<int> DecideAsync(
        Guid ownerId, bool suspended, DateTimeOffset decidedAt, Func<Shop, DateTimeOffset, bool> change, CancellationToken cancellationToken)
    {
        // The owner's lock, as opening a shop takes it: decisions about one owner apply one after another, and none
        // races a shop being opened.
        await db.LockAsync("shop-owner", ownerId.ToString(), cancellationToken);
        var standing = await db.OwnerStandings.SingleOrDefaultAsync(o => o.OwnerId == ownerId, cancellationToken);
        if (standing is null)
        {
            standing = OwnerStanding.Of(ownerId);
            db.OwnerStandings.Add(standing);
        }
        if (!standing.Decide(suspended, decidedAt))
            return 0;

        var now = clock.GetUtcNow();
        var shops = await db.Shops
            .FromSql($"SELECT * FROM shops WHERE owner_id = {ownerId} ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        var changed = shops.Where(s => change(s, now)).ToList();
        foreach (var shop in changed)
            db.Publish(new ShopUpdated(shop.ToSnapshot(), now));
        return changed.Count;
    }
}
