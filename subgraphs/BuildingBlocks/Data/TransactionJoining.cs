using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoShop.BuildingBlocks.Data;

public static class TransactionJoining
{
    /// <summary>
    /// Begins a transaction, or joins the one the caller already began (an integration event handler's), so a service
    /// called from a GraphQL mutation, an internal endpoint or an event handler writes atomically with its caller.
    /// Commit through the answer: it commits only a transaction it began; the caller commits its own.
    /// </summary>
    public static async Task<JoinedTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null);
}

/// <summary>A transaction begun here (committed and disposed here) or the caller's (left to the caller).</summary>
public sealed class JoinedTransaction(IDbContextTransaction? owned) : IAsyncDisposable
{
    /// <summary>Whether this scope began the transaction, rather than joining the caller's.</summary>
    public bool Owned => owned is not null;

    public Task CommitAsync(CancellationToken cancellationToken) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
