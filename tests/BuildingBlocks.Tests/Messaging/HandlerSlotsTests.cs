using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.Tests.Hosting;
using GoShop.BuildingBlocks.Tests.TestSubgraph;
using GoShop.Contracts.Testing;
using GoShop.Testing;
using MassTransit;

namespace GoShop.BuildingBlocks.Tests.Messaging;

/// <summary>
/// A process runs at most <c>Messaging:ConcurrentHandlers</c> event handlers at once across all its queues, so a
/// backlog cannot take every connection of the pool.
/// </summary>
[Collection(nameof(MessagingCollection))]
public sealed class HandlerSlotsTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task Handlers_of_two_queues_never_run_more_at_once_than_the_process_allows()
    {
        var inFlight = app.Service<InFlightHandlers>();
        var bus = app.Service<IBus>();
        const int Probes = 8;

        for (var i = 0; i < Probes; i++)
            await bus.Publish(new BuildingBlocksHeldProbeSent(Guid.NewGuid(), 150, DateTimeOffset.UtcNow));

        // Each probe reaches both consumers, each on its own queue.
        await Eventually.ReturnsAsync(() => Task.FromResult(inFlight.Finished), finished => finished >= 2 * Probes, TimeSpan.FromSeconds(30));
        Assert.Equal(BuildingBlocksApp.ConcurrentHandlers, inFlight.Most);
        Assert.Equal(BuildingBlocksApp.ConcurrentHandlers, app.Service<HandlerSlots>().Available);
    }

    [Theory]
    [InlineData(null, 30, 10)]
    [InlineData(null, 4, 2)]
    [InlineData(5, 30, 5)]
    public void Unset_the_limit_is_a_third_of_the_connection_pool(int? configured, int maxPoolSize, int expected) =>
        Assert.Equal(expected, HandlerSlots.Size(
            new MessagingOptions { ConcurrentHandlers = configured }, new GoShop.BuildingBlocks.Data.DatabaseOptions { MaxPoolSize = maxPoolSize }));
}
