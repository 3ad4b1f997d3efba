using System.Data.Common;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.Shipping.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StackExchange.Redis;

namespace GoShop.Shipping.Tracking;

/// <summary>
/// Sends the live updates a unit of work queued (<see cref="ShippingDbContext.Announce"/>) once it is durable, and drops
/// them when it rolls back: a follower never hears of a move that did not happen. Best effort (Redis pub/sub): a
/// failure is logged; the durable facts travel as integration events.
/// </summary>
internal sealed class TrackingUpdatesInterceptor(ITopicBus topics, ILogger<TrackingUpdatesInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShippingDbContext { Database.CurrentTransaction: null } db)
            await SendAsync(db);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShippingDbContext { Database.CurrentTransaction: null } db)
            db.PendingLive.Clear();
        return Task.CompletedTask;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShippingDbContext db)
            db.PendingLive.Clear();
        return ValueTask.FromResult(result);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShippingDbContext db)
            await SendAsync(db);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShippingDbContext db)
            db.PendingLive.Clear();
        return Task.CompletedTask;
    }

    private async Task SendAsync(ShippingDbContext db)
    {
        var messages = db.PendingLive.ToList();
        db.PendingLive.Clear();
        foreach (var message in messages)
        {
            try
            {
                await topics.PublishAsync(message.Topic, message.Payload);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not publish the live update on {Topic}", message.Topic);
            }
        }
    }
}
