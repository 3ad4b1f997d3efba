using System.Text.Json;
using GoShop.Cart.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GoShop.Cart.Caching;

/// <summary>
/// The Redis copy of each buyer's cart (<c>goshop:cart:{userId}</c>, a hash of the state and its version, expiring
/// after <see cref="CartOptions.CacheTtlSeconds"/>). PostgreSQL stays the truth: the copy can vanish at any moment and
/// is rebuilt from the database on the next read. Every write goes through <see cref="StoreIfNewerScript"/>, so a
/// reader that loaded an older state from the database can never overwrite the state a writer stored after its commit.
/// </summary>
public sealed class CartCache(IConnectionMultiplexer redis, IOptions<CartOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string StoreIfNewerScript = """
        local stored = redis.call('HGET', KEYS[1], 'version')
        if stored and tonumber(stored) > tonumber(ARGV[1]) then
          return 0
        end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'state', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    public static RedisKey Key(Guid userId) => $"goshop:cart:{userId}";

    public async Task<CartState?> GetAsync(Guid userId)
    {
        var json = await redis.GetDatabase().HashGetAsync(Key(userId), "state");
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<CartState>((string)json!, Json);
    }

    /// <summary>Stores the state unless the copy already holds a newer version.</summary>
    public async Task StoreAsync(CartState state)
    {
        var ttl = (long)TimeSpan.FromSeconds(options.Value.CacheTtlSeconds).TotalMilliseconds;
        await redis.GetDatabase().ScriptEvaluateAsync(StoreIfNewerScript, [Key(state.UserId)],
            [state.Version, JsonSerializer.Serialize(state, Json), ttl]);
    }

    /// <summary>The cart as PostgreSQL holds it (no cart is an empty state).</summary>
    public static async Task<CartState> LoadAsync(CartDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var cart = await db.Carts.AsNoTracking().AsSplitQuery()
            .Include(c => c.Items)
            .Include(c => c.Coupons)
            .SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        return cart is null ? CartState.None(userId) : CartState.Of(cart);
    }

    public static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException;
}
