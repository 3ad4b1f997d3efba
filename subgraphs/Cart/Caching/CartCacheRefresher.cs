using System.Data.Common;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoShop.Cart.Caching;

/// <summary>
/// Write-through for every change to a cart, wherever it is made (mutations, the internal API, the OrderPlaced
/// consumer, whose base class commits on its own): when a unit of work saves carts, their states are remembered, and
/// once the transaction is durable they are stored in Redis. A rolled-back transaction stores nothing. A Redis failure
/// here is logged, never thrown: the database already committed, and the copy expires on its own.
/// </summary>
internal sealed class CartCacheRefresher(CartCache cache, ILogger<CartCacheRefresher> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CartDbContext { Database.CurrentTransaction: null } db)
            await StorePendingAsync(db);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CartDbContext db)
            await StorePendingAsync(db);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Remember(DbContext? context)
    {
        if (context is not CartDbContext db)
            return;
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<ShoppingCart>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            db.PendingCacheWrites[entry.Entity.UserId] = CartState.Of(entry.Entity);
    }

    private static void Forget(DbContext? context)
    {
        if (context is CartDbContext db)
            db.PendingCacheWrites.Clear();
    }

    private async Task StorePendingAsync(CartDbContext db)
    {
        var states = db.PendingCacheWrites.Values.ToList();
        db.PendingCacheWrites.Clear();
        foreach (var state in states)
        {
            try
            {
                await cache.StoreAsync(state);
            }
            catch (Exception ex) when (CartCache.IsRedisFailure(ex))
            {
                logger.LogWarning(ex, "Could not refresh the Redis copy of the cart of {UserId} after a change", state.UserId);
            }
        }
    }
}
