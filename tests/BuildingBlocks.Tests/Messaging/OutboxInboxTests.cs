using System.Collections.Concurrent;
using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Contracts.Testing;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.BuildingBlocks.Tests.Messaging;

/// <summary>
/// The outbox publishes what a unit of work committed, through RabbitMQ, and nothing it rolled back; the inbox makes a
/// consumer handle each message once however often it arrives.
/// </summary>
[Collection(nameof(MessagingCollection))]
public sealed class OutboxInboxTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task Published_event_reaches_its_consumer_through_RabbitMQ_and_its_outbox_row_is_marked_dispatched()
    {
        var probe = new BuildingBlocksProbeSent(Guid.NewGuid(), "committed", DateTimeOffset.UtcNow);

        await app.WithDbAsync(db =>
        {
            db.Publish(probe);
            return db.SaveChangesAsync();
        });

        var handled = await HandledAsync(probe.ProbeId, atLeast: 1);
        Assert.Equal("committed", Assert.Single(handled).Note);
        var outbox = await Eventually.ReturnsAsync(
            async () => Assert.Single(await OutboxRowsOfAsync(probe.ProbeId)),
            message => message.DispatchedAt is not null);
        Assert.NotNull(outbox.DispatchedAt);
        Assert.Equal(typeof(BuildingBlocksProbeSent).FullName, outbox.MessageType);
        Assert.Null(outbox.LastError);
        // The outbox id travels as the message id, which the consumer's inbox remembers.
        Assert.True(await app.WithDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == outbox.Id)));
    }

    [Fact]
    public async Task Event_of_a_rolled_back_transaction_is_never_published()
    {
        var rolledBack = new BuildingBlocksProbeSent(Guid.NewGuid(), "rolled back", DateTimeOffset.UtcNow);
        var committed = new BuildingBlocksProbeSent(Guid.NewGuid(), "committed after", DateTimeOffset.UtcNow);

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Publish(rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        await app.WithDbAsync(db =>
        {
            db.Publish(committed);
            return db.SaveChangesAsync();
        });

        // The outbox publishes in order: once the later event arrived, the rolled-back one would have too.
        Assert.Single(await HandledAsync(committed.ProbeId, atLeast: 1));
        Assert.Empty(await HandledAsync(rolledBack.ProbeId, atLeast: 0));
        Assert.Empty(await OutboxRowsOfAsync(rolledBack.ProbeId));
    }

    [Fact]
    public async Task Message_delivered_twice_with_one_id_is_handled_once()
    {
        var bus = app.Service<IBus>();
        var consumed = new ConsumedMessages();
        using var observing = bus.ConnectConsumeMessageObserver(consumed);
        var probe = new BuildingBlocksProbeSent(Guid.NewGuid(), "sent twice", DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();

        await bus.Publish(probe, context => context.MessageId = messageId);
        await bus.Publish(probe, context => context.MessageId = messageId);

        var deliveries = await Eventually.ReturnsAsync(() => Task.FromResult(consumed.Count(messageId)), count => count >= 2);
        Assert.Equal(2, deliveries);
        Assert.Single(await HandledAsync(probe.ProbeId, atLeast: 0));
        Assert.Equal(1, await app.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }

    private Task<List<HandledProbe>> HandledAsync(Guid probeId, int atLeast) =>
        Eventually.ReturnsAsync(
            () => app.WithDbAsync(db => db.HandledProbes.AsNoTracking().Where(h => h.ProbeId == probeId).ToListAsync()),
            handled => handled.Count >= atLeast);

    private async Task<List<OutboxMessage>> OutboxRowsOfAsync(Guid probeId)
    {
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        return rows.Where(m => m.Payload.Contains(probeId.ToString(), StringComparison.Ordinal)).ToList();
    }

    /// <summary>Every probe consumption that finished, handled or skipped as a duplicate, by message id.</summary>
    private sealed class ConsumedMessages : IConsumeMessageObserver<BuildingBlocksProbeSent>
    {
        private readonly ConcurrentBag<Guid> _finished = [];

        public int Count(Guid messageId) => _finished.Count(id => id == messageId);

        public Task PreConsume(ConsumeContext<BuildingBlocksProbeSent> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<BuildingBlocksProbeSent> context)
        {
            if (context.MessageId is { } id)
                _finished.Add(id);
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<BuildingBlocksProbeSent> context, Exception exception) => Task.CompletedTask;
    }
}
