using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Testing;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>Records every probe it handles, exactly as a subgraph's consumer applies an integration event.</summary>
public sealed class ProbeSentHandler(TestDbContext db, TimeProvider clock, ILogger<ProbeSentHandler> logger)
    : IntegrationEventHandler<BuildingBlocksProbeSent, TestDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(BuildingBlocksProbeSent message, CancellationToken cancellationToken)
    {
        Db.HandledProbes.Add(new HandledProbe { ProbeId = message.ProbeId, Note = message.Note, HandledAt = Clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every test host has queues of its own (its subgraph name is unique); they are removed with the host instead of
/// piling up in the test virtual host run after run.
/// </summary>
public static class TemporaryQueue
{
    public static void Apply(IReceiveEndpointConfigurator endpointConfigurator)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.AutoDelete = true;
            rabbit.Durable = false;
        }
    }
}

public sealed class ProbeSentHandlerDefinition : ConsumerDefinition<ProbeSentHandler>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProbeSentHandler> consumerConfigurator,
        IRegistrationContext context) =>
        TemporaryQueue.Apply(endpointConfigurator);
}
