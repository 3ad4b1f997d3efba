using GoShop.BuildingBlocks.Data;
using GoShop.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Messaging;

/// <summary>
/// Base of every integration event consumer: handles each message exactly once per consumer. The message id is
/// recorded in the inbox in the same transaction as the handler's changes (and any events it publishes through the
/// outbox); a redelivered or twice-published message finds its id there and is acknowledged without effect.
/// A handler that throws rolls everything back and MassTransit retries it.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TContext>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TEvent>
    where TEvent : class, IIntegrationEvent
    where TContext : GoShopDbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TEvent).Name} arrived without a message id.");
        var consumer = GetType().FullName!;
        var messageType = IntegrationEventTypes.NameOf(typeof(TEvent));
        var cancellationToken = context.CancellationToken;

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO inbox_messages (message_id, consumer, message_type, processed_at)
            VALUES ({messageId}, {consumer}, {messageType}, {Clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        if (firstTime == 0)
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; skipping the duplicate", consumer, messageId);
            return;
        }
        await HandleAsync(context.Message, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the event to this subgraph's state; changes are saved by the caller, once.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);
}
