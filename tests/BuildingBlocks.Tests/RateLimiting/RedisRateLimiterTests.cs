using GoShop.BuildingBlocks.RateLimiting;
using GoShop.Testing;
using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Tests.RateLimiting;

/// <summary>Fixed windows in Redis: at most N hits per window per key, starting with the first hit.</summary>
public sealed class RedisRateLimiterTests : IAsyncLifetime
{
    private readonly string _key = "bbtest:" + Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer _redis = null!;
    private RedisRateLimiter _limiter = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        _limiter = new RedisRateLimiter(_redis);
    }

    public async Task DisposeAsync()
    {
        await _limiter.ResetAsync(_key);
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Hit_allows_the_limit_and_refuses_the_next_until_the_window_resets()
    {
        var window = TimeSpan.FromMinutes(1);

        var allowed = new List<RateLimitDecision>();
        for (var i = 0; i < 3; i++)
            allowed.Add(await _limiter.HitAsync(_key, limit: 3, window));
        var refused = await _limiter.HitAsync(_key, limit: 3, window);

        Assert.All(allowed, d => Assert.True(d.Allowed));
        Assert.Equal([1L, 2L, 3L], allowed.Select(d => d.Count));
        Assert.False(refused.Allowed);
        Assert.Equal(4, refused.Count);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(50), window);
    }

    [Fact]
    public async Task A_new_window_starts_once_the_old_one_expired()
    {
        var window = TimeSpan.FromMilliseconds(300);
        Assert.True((await _limiter.HitAsync(_key, limit: 1, window)).Allowed);
        var refused = await _limiter.HitAsync(_key, limit: 1, window);
        Assert.False(refused.Allowed);

        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(100));
        var afterWindow = await _limiter.HitAsync(_key, limit: 1, window);

        Assert.True(afterWindow.Allowed);
        Assert.Equal(1, afterWindow.Count);
    }

    [Fact]
    public async Task Later_hits_do_not_extend_the_window()
    {
        var window = TimeSpan.FromSeconds(2);
        await _limiter.HitAsync(_key, limit: 5, window);
        await Task.Delay(500);

        var later = await _limiter.HitAsync(_key, limit: 5, window);

        Assert.InRange(later.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1600));
    }

    [Fact]
    public async Task Reset_empties_the_window()
    {
        var window = TimeSpan.FromMinutes(1);
        await _limiter.HitAsync(_key, limit: 1, window);
        Assert.False((await _limiter.HitAsync(_key, limit: 1, window)).Allowed);

        await _limiter.ResetAsync(_key);
        var afterReset = await _limiter.HitAsync(_key, limit: 1, window);

        Assert.True(afterReset.Allowed);
        Assert.Equal(1, afterReset.Count);
    }

    [Fact]
    public async Task Peek_reads_the_window_without_counting_a_hit()
    {
        var window = TimeSpan.FromMinutes(1);
        var untouched = await _limiter.PeekAsync(_key, limit: 2);
        await _limiter.HitAsync(_key, limit: 2, window);
        await _limiter.HitAsync(_key, limit: 2, window);

        var full = await _limiter.PeekAsync(_key, limit: 2);
        var next = await _limiter.HitAsync(_key, limit: 2, window);

        Assert.Equal(new RateLimitDecision(true, 0, TimeSpan.Zero), untouched);
        Assert.False(full.Allowed);
        Assert.Equal(2, full.Count);
        Assert.InRange(full.RetryAfter, TimeSpan.FromSeconds(50), window);
        Assert.Equal(3, next.Count);
    }
}
