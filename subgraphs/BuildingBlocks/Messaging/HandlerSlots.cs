using GoShop.BuildingBlocks.Data;
using MassTransit;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.Messaging;

/// <summary>
/// How many event handlers of this process may run at once, whichever queues their messages come from. Each handler
/// holds a database connection for its whole transaction, and MassTransit's concurrency limits are per receive
/// endpoint (one per consumer: analytics alone has 27), so without a limit of the whole process a backlog fills the
/// connection pool with handlers waiting on each other's locks, and everything else (GraphQL requests, and handlers
/// of unrelated events, which then fail and land in the error queue) times out waiting for a connection.
/// </summary>
public sealed class HandlerSlots(IOptions<MessagingOptions> messaging, IOptions<DatabaseOptions> database) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Size(messaging.Value, database.Value));

    /// <summary><see cref="MessagingOptions.ConcurrentHandlers"/>, or a third of the connection pool (at least 2).</summary>
    public static int Size(MessagingOptions messaging, DatabaseOptions database) =>
        messaging.ConcurrentHandlers is > 0 and var configured ? configured : Math.Max(2, database.MaxPoolSize / 3);

    public int Available => _slots.CurrentCount;

    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}

/// <summary>
/// Runs each consumed message in one of the process's <see cref="HandlerSlots"/>. It sits inside the retry filter, so
/// a message waiting for its next attempt gives its slot back.
/// </summary>
public sealed class HandlerSlotFilter<TMessage>(HandlerSlots slots) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        await slots.WaitAsync(context.CancellationToken);
        try
        {
            await next.Send(context);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("handlerSlots");
}
