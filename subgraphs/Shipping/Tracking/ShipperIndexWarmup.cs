using GoShop.Shipping.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace GoShop.Shipping.Tracking;

/// <summary>Rebuilds the Redis index of shippers' positions from the database when the subgraph starts (after migrations).</summary>
public sealed class ShipperIndexWarmup(IServiceScopeFactory scopes, ShipperLocationIndex index, ILogger<ShipperIndexWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
            await index.RebuildAsync(await db.Shippers.AsNoTracking().ToListAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not rebuild the index of shippers' positions; it fills as shippers report");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
