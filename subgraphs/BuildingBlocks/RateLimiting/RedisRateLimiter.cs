using StackExchange.Redis;

namespace GoShop.BuildingBlocks.RateLimiting;

/// <summary>
/// Fixed-window counters in Redis, shared by every instance: "at most N per window per key" for login attempts,
/// reset-code requests, webhook calls and the like. A window starts with its first hit.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis)
{
    private const string Prefix = "goshop:ratelimit:";

    // INCR and start the window on the first hit, atomically; answer the count and the time left.
    private static readonly LuaScript Hit = LuaScript.Prepare("""
        local count = redis.call('INCR', @key)
        if count == 1 then redis.call('PEXPIRE', @key, @windowMs) end
        return { count, redis.call('PTTL', @key) }
        """);

    /// <summary>Counts one hit; refused when the window already holds <paramref name="limit"/> hits.</summary>
    public async Task<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Hit, new { key = (RedisKey)(Prefix + key), windowMs = (long)window.TotalMilliseconds }))!;
        var count = (long)result[0];
        var ttl = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]));
        return new RateLimitDecision(count <= limit, count, ttl);
    }

    /// <summary>Reads the window without counting a hit.</summary>
    public async Task<RateLimitDecision> PeekAsync(string key, int limit)
    {
        var db = redis.GetDatabase();
        var redisKey = (RedisKey)(Prefix + key);
        var count = (long?)await db.StringGetAsync(redisKey) ?? 0;
        var ttl = await db.KeyTimeToLiveAsync(redisKey) ?? TimeSpan.Zero;
        return new RateLimitDecision(count < limit, count, ttl);
    }

    public Task ResetAsync(string key) => redis.GetDatabase().KeyDeleteAsync(Prefix + key);
}

/// <summary>Whether a hit is allowed, how many the window holds, and when it resets.</summary>
public readonly record struct RateLimitDecision(bool Allowed, long Count, TimeSpan RetryAfter);
