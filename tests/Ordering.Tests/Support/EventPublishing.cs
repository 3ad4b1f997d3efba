using GoShop.Contracts;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Ordering.Tests.Support;

/// <summary>Other subgraphs' events, published through RabbitMQ as they would be, and waited for.</summary>
public static class EventPublishing
{
    public static Task PublishAsync(this OrderingApp app, IIntegrationEvent message, Guid messageId) =>
        app.Service<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId);

    /// <summary>Publishes an event and waits until ordering handled it (its message id is in the inbox).</summary>
    public static async Task PublishAndWaitAsync(this OrderingApp app, IIntegrationEvent message)
    {
        var messageId = Guid.NewGuid();
        await app.PublishAsync(message, messageId);
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)),
            $"ordering to handle message {messageId}");
    }
}
