using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Cart.Caching;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Cart.Pricing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Cart.GraphQL.Loaders;

/// <summary>
/// Carts by id for the gateway's <c>_entities</c>: only the caller's own (anyone else's, or any for a caller who is not
/// signed in, answer null, as an unknown id does). One query per batch.
/// </summary>
public sealed class CartByIdLoader(CartDbContext db, CartViews views, ICurrentUser viewer) : BatchLoader<Guid, CartView>
{
    protected override async Task<IReadOnlyDictionary<Guid, CartView>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        if (viewer.Id is not { } userId)
            return new Dictionary<Guid, CartView>();
        var carts = await db.Carts.AsNoTracking().AsSplitQuery().Include(c => c.Items).Include(c => c.Coupons)
            .Where(c => keys.Contains(c.Id) && c.UserId == userId)
            .ToListAsync(cancellationToken);
        return (await views.BuildAsync(carts.Select(CartState.Of).ToList(), cancellationToken)).ToDictionary(v => v.Id);
    }
}

/// <summary>Saved carts by id, the caller's own only (like <see cref="CartByIdLoader"/>). One query per batch.</summary>
public sealed class SavedCartByIdLoader(CartDbContext db, ICurrentUser viewer) : BatchLoader<Guid, SavedCart>
{
    protected override async Task<IReadOnlyDictionary<Guid, SavedCart>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        if (viewer.Id is not { } userId)
            return new Dictionary<Guid, SavedCart>();
        return await db.SavedCarts.AsNoTracking().Include(s => s.Items)
            .Where(s => keys.Contains(s.Id) && s.UserId == userId)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}
