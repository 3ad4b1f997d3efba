using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>How many held-probe handlers are inside their transaction right now, and the most there ever were.</summary>
public sealed class InFlightHandlers
{
    private int _now;
    private int _most;
    private int _finished;

    public int Most => Volatile.Read(ref _most);

    public int Finished => Volatile.Read(ref _finished);

    public async Task HoldAsync(DbContext db, int milliseconds, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _now);
        int most;
        while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }
        try
        {
            // In the database, like a handler waiting on a lock: its connection stays taken all along.
            await db.Database.ExecuteSqlAsync($"SELECT pg_sleep({milliseconds / 1000.0})", cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _now);
            Interlocked.Increment(ref _finished);
        }
    }
}

public sealed class HeldProbeHandler(TestDbContext db, InFlightHandlers inFlight, TimeProvider clock, ILogger<HeldProbeHandler> logger)
    : IntegrationEventHandler<BuildingBlocksHeldProbeSent, TestDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(BuildingBlocksHeldProbeSent message, CancellationToken cancellationToken) =>
        inFlight.HoldAsync(Db, message.HoldMilliseconds, cancellationToken);
}

/// <summary>A second consumer of the same event, so its messages come from a second queue.</summary>
public sealed class HeldProbeSecondHandler(TestDbContext db, InFlightHandlers inFlight, TimeProvider clock, ILogger<HeldProbeSecondHandler> logger)
    : IntegrationEventHandler<BuildingBlocksHeldProbeSent, TestDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(BuildingBlocksHeldProbeSent message, CancellationToken cancellationToken) =>
        inFlight.HoldAsync(Db, message.HoldMilliseconds, cancellationToken);
}

public sealed class HeldProbeHandlerDefinition : ConsumerDefinition<HeldProbeHandler>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<HeldProbeHandler> consumerConfigurator, IRegistrationContext context) =>
        TemporaryQueue.Apply(endpointConfigurator);
}

public sealed class HeldProbeSecondHandlerDefinition : ConsumerDefinition<HeldProbeSecondHandler>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<HeldProbeSecondHandler> consumerConfigurator, IRegistrationContext context) =>
        TemporaryQueue.Apply(endpointConfigurator);
}
