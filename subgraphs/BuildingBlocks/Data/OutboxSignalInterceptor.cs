using System.Data.Common;
using GoShop.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoShop.BuildingBlocks.Data;

/// <summary>
/// Wakes the outbox dispatcher as soon as a unit of work that wrote outbox messages is durable, so events leave
/// within milliseconds instead of at the next poll.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
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

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SignalPending(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalPending(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Remember(DbContext? context)
    {
        if (context is GoShopDbContext db && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
            db.PendingOutboxSignal = true;
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context is GoShopDbContext { PendingOutboxSignal: true } db && db.Database.CurrentTransaction is null)
        {
            db.PendingOutboxSignal = false;
            signal.Notify();
        }
    }

    private void SignalPending(DbContext? context)
    {
        if (context is GoShopDbContext { PendingOutboxSignal: true } db)
        {
            db.PendingOutboxSignal = false;
            signal.Notify();
        }
    }
}
