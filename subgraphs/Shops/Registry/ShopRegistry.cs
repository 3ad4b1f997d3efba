using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace GoShop.Shops.Registry;

/// <summary>
/// Opening, changing, closing, suspending and reactivating shops. Each change runs on the locked shop and publishes
/// the whole shop (ShopCreated, then ShopUpdated) in its transaction, so other subgraphs' copies follow.
/// </summary>
public sealed class ShopRegistry(ShopsDbContext db, TimeProvider clock, IOptions<ShopsOptions> options)
{
    /// <summary>What <see cref="UpdateProfileAsync"/> answers when the caller's rules refused the new profile (the caller said why).</summary>
    public static DomainError ProfileRefused { get; } = new("INVALID_PROFILE", "The shop's new profile is not valid.");

    /// <summary>
    /// Opens a shop under a slug folded from its name (numbered when taken). Openings of one owner run one after another,
    /// so the limit of open shops holds.
    /// </summary>
    public async Task<Result<Shop>> OpenAsync(Guid ownerId, ShopProfile profile, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync("shop-owner", ownerId.ToString(), cancellationToken);
        var limit = options.Value.MaxOpenShopsPerOwner;
        if (await db.Shops.CountAsync(s => s.OwnerId == ownerId && s.Status != ShopStatus.Closed, cancellationToken) >= limit)
            return ShopErrors.ShopLimitReached(limit);
        // One slug allocation at a time: shops open rarely, and two names may fold to one slug.
        await db.LockAsync("shop-slug", "", cancellationToken);
        var slug = await FreeSlugAsync(ShopSlug.From(profile.Name), cancellationToken);

        var now = clock.GetUtcNow();
        var shop = Shop.Open(ownerId, slug, profile, now);
        // An owner suspended in identity may still hold a valid token for a moment: the shop opens hidden, as their
        // others are (the owner's lock, held here, orders this against the suspension and the reinstatement).
        if (await db.OwnerStandings.AnyAsync(o => o.OwnerId == ownerId && o.Suspended, cancellationToken))
            shop.HideWithOwner(now);
        db.Shops.Add(shop);
        db.Publish(new ShopCreated(shop.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return shop;
    }

    /// <summary>
    /// Changes a shop's profile. <paramref name="admits"/> judges the profile as it will be, against the shop as it is
    /// (a picture it already shows needs no new check); when it refuses, nothing changes.
    /// </summary>
    public async Task<Result<Shop>> UpdateProfileAsync(
        Guid userId, bool isAdmin, Guid shopId, ShopChanges changes, Func<ShopProfile, Shop, Task<bool>> admits, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, userId, isAdmin, shopId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var shop = loaded.Value;
        var profile = changes.ApplyTo(shop);
        if (!await admits(profile, shop))
            return ProfileRefused;

        var now = clock.GetUtcNow();
        var updated = shop.UpdateProfile(profile, now);
        if (!updated.Succeeded)
            return updated.Error;
        return await SaveAsync(shop, now, transaction, cancellationToken);
    }

    /// <summary>Closes a shop for good; its rows stay for order history.</summary>
    public Task<Result<Shop>> CloseAsync(Guid userId, bool isAdmin, Guid shopId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, isAdmin, shopId, (shop, now) => shop.Close(now), cancellationToken);

    /// <summary>An admin suspends a shop or reactivates it; closing is <see cref="CloseAsync"/>.</summary>
    public async Task<Result<Shop>> ChangeStatusAsync(Guid userId, bool isAdmin, Guid shopId, ShopStatus status, CancellationToken cancellationToken)
    {
        if (status == ShopStatus.Closed)
            return new DomainError("INVALID_STATUS", "Close a shop with deleteShop.", "status");
        return await ChangeAsync(userId, isAdmin, shopId,
            (shop, now) => status == ShopStatus.Suspended ? shop.Suspend(now) : shop.Reactivate(now), cancellationToken);
    }

    private async Task<Result<Shop>> ChangeAsync(
        Guid userId, bool isAdmin, Guid shopId, Func<Shop, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, userId, isAdmin, shopId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var now = clock.GetUtcNow();
        var changed = change(loaded.Value, now);
        if (!changed.Succeeded)
            return changed.Error;
        return await SaveAsync(loaded.Value, now, transaction, cancellationToken);
    }

    private async Task<Result<Shop>> SaveAsync(Shop shop, DateTimeOffset now, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        db.Publish(new ShopUpdated(shop.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return shop;
    }

    /// <summary>The slug itself when free, else the first free numbered variant (slug-2, slug-3, ...).</summary>
    private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var prefix = slug + "-%";
        var taken = (await db.Shops.Where(s => s.Slug == slug || EF.Functions.Like(s.Slug, prefix)).Select(s => s.Slug).ToListAsync(cancellationToken))
            .ToHashSet();
        if (!taken.Contains(slug))
            return slug;
        var number = 2;
        while (taken.Contains(ShopSlug.WithSuffix(slug, number)))
            number++;
        return ShopSlug.WithSuffix(slug, number);
    }
}
