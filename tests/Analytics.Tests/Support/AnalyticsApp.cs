using GoShop.Analytics.Data;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Tests.Support;

/// <summary>
/// The analytics subgraph hosted in-process for one test class, on a database of its own, fed by contract events the
/// tests publish on the real RabbitMQ (as ordering, payments, shipping, shops, catalog, search and cart would).
/// </summary>
public class AnalyticsApp() : SubgraphApp<Program, AnalyticsDbContext>("analytics")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    /// <summary>A signed-in person with the given roles (a buyer by default).</summary>
    public Person SignIn(params string[] roles) => As(Guid.CreateVersion7(), roles);

    public Person As(Guid id, params string[] roles) => new(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)));

    public Person Admin() => SignIn(Roles.Buyer, Roles.Admin);

    /// <summary>Publishes an event as its owner would, under the message id given (the same id twice is a redelivery).</summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class, IIntegrationEvent =>
        Service<IBus>().Publish(message, context => context.MessageId = messageId);

    /// <summary>Publishes every event, then waits until each of their message ids was handled and their recounts made.</summary>
    public async Task DeliverAsync(IReadOnlyList<(IIntegrationEvent Message, Guid MessageId)> events)
    {
        var bus = Service<IBus>();
        foreach (var (message, messageId) in events)
            await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
        var ids = events.Select(e => e.MessageId).Distinct().ToList();
        await Eventually.HoldsAsync(
            () => InDatabaseAsync(async db => await db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId)) == ids.Count),
            $"{ids.Count} messages to be handled", TimeSpan.FromSeconds(90));
        await RecountsDoneAsync();
    }

    /// <summary>
    /// Waits until every recount the handlers queued was made (PendingRecounts, in the background): requests a pass has
    /// taken stay visible to others until it commits.
    /// </summary>
    public Task RecountsDoneAsync() =>
        Eventually.HoldsAsync(() => InDatabaseAsync(async db => !await db.PendingRecounts.AnyAsync()), "the queued rollup recounts to be made",
            TimeSpan.FromSeconds(60));
}

/// <summary>A signed-in person: their id and a client carrying their token.</summary>
public sealed record Person(Guid Id, GraphQLClient Client);
