using System.Diagnostics;
using GoShop.BuildingBlocks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox messages to RabbitMQ in the order they were written. Several instances may run: each
/// claims its batch with <c>FOR UPDATE SKIP LOCKED</c> (the order then holds within each batch). A message is marked dispatched only after the broker
/// confirmed it, so a crash can publish a message twice but never lose one; the message id lets consumers drop the
/// duplicate. A message that cannot leave (broker away, unknown type) is retried with backoff and holds back the
/// ones written after it.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : GoShopDbContext
{
    private static readonly ActivitySource Source = new("GoShop.Outbox");

    private readonly MessagingOptions _options = options.Value;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
                await CleanUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; retrying shortly");
            }
            try
            {
                if (dispatched < _options.OutboxBatchSize)
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(_options.OutboxPollMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping while idle is a normal stop, not a failed background service.
                return;
            }
        }
    }

    /// <summary>Publishes the oldest undispatched messages; answers how many left.</summary>
    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE dispatched_at IS NULL
                ORDER BY id
                LIMIT {_options.OutboxBatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        var published = 0;
        var now = clock.GetUtcNow();
        foreach (var message in batch)
        {
            // Keep the order: nothing overtakes a message that is waiting for its retry or could not leave.
            if (message.NextAttemptAt > now || !await PublishAsync(message, cancellationToken))
                break;
            published++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    private async Task<bool> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = IntegrationEventTypes.Find(message.MessageType);
        if (type is null || GoShopDbContext.Deserialize(message.Payload, type) is not { } payload)
        {
            logger.LogError("Outbox message {MessageId} has unknown type {MessageType}", message.Id, message.MessageType);
            message.MarkFailed($"Unknown message type {message.MessageType}", clock.GetUtcNow());
            return false;
        }

        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, message.TraceParent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.PublishTimeoutSeconds));
        try
        {
            await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
            message.MarkDispatched(clock.GetUtcNow());
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not publish outbox message {MessageId} ({MessageType}), attempt {Attempt}",
                message.Id, message.MessageType, message.Attempts + 1);
            message.MarkFailed(ex.Message, clock.GetUtcNow());
            return false;
        }
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
            return;
        _nextCleanup = now.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outboxCutoff = now.AddDays(-_options.OutboxRetentionDays);
        var inboxCutoff = now.AddDays(-_options.InboxRetentionDays);
        await db.OutboxMessages.Where(m => m.DispatchedAt != null && m.DispatchedAt < outboxCutoff).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < inboxCutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
