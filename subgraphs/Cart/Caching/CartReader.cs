using GoShop.Cart.Data;

namespace GoShop.Cart.Caching;

/// <summary>Reads a buyer's cart from the Redis copy, falling back to PostgreSQL (and refilling the copy) on a miss.</summary>
public sealed class CartReader(CartDbContext db, CartCache cache, ILogger<CartReader> logger)
{
    public async Task<CartState> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            if (await cache.GetAsync(userId) is { } cached)
                return cached;
        }
        catch (Exception ex) when (CartCache.IsRedisFailure(ex))
        {
            logger.LogWarning(ex, "Could not read the Redis copy of the cart of {UserId}; reading PostgreSQL", userId);
        }
        var state = await CartCache.LoadAsync(db, userId, cancellationToken);
        try
        {
            await cache.StoreAsync(state);
        }
        catch (Exception ex) when (CartCache.IsRedisFailure(ex))
        {
            logger.LogWarning(ex, "Could not refill the Redis copy of the cart of {UserId}", userId);
        }
        return state;
    }
}
