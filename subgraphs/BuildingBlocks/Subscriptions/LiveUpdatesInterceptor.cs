using System.Data.Common;
using GoShop.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Subscriptions;

/// <summary>
/// Sends the live updates a unit of work queued (<see cref="GoShopDbContext.AnnounceLive"/>) once it is durable, and
/// drops them when it rolls back: a subscriber never hears of a change that did not happen. Mutations, event handlers
/// and sweepers all go through here, so none of them has to remember to publish after its commit. Live updates are
/// best effort (Redis pub/sub): a failure is logged, the durable facts travel as integration events.
/// </summary>
internal sealed class LiveUpdatesInterceptor(ITopicBus topics, ILogger<LiveUpdatesInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GoShopDbContext { Database.CurrentTransaction: null } db)
            await SendAsync(db);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        // Inside a transaction the caller may still save again (EF rolled back to its savepoint); the commit or the
        // rollback decides then.
        if (eventData.Context is GoShopDbContext { Database.CurrentTransaction: null } db)
            db.PendingLive.Clear();
        return Task.CompletedTask;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        // Updates are queued inside the transaction that makes them true; any left over belong to a unit of work that
        // ended without committing (a transaction disposed after an exception).
        if (eventData.Context is GoShopDbContext db)
            db.PendingLive.Clear();
        return ValueTask.FromResult(result);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GoShopDbContext db)
            await SendAsync(db);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GoShopDbContext db)
            db.PendingLive.Clear();
        return Task.CompletedTask;
    }

    private async Task SendAsync(GoShopDbContext db)
    {
        if (db.PendingLive.Count == 0)
            return;
        var updates = db.PendingLive.ToList();
        db.PendingLive.Clear();
        foreach (var (topic, message) in updates)
        {
            try
            {
                await topics.PublishAsync(topic, message);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not publish the live update on {Topic}", topic);
            }
        }
    }
}
