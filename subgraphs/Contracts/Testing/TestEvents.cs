namespace GoShop.Contracts.Testing;

/// <summary>
/// Exists only for the BuildingBlocks tests (tests/BuildingBlocks.Tests): an integration event of their own to send
/// through the outbox, RabbitMQ and the inbox. The outbox resolves event types from this assembly, so the test event
/// lives here too. No subgraph publishes or consumes it.
/// </summary>
public sealed record BuildingBlocksProbeSent(Guid ProbeId, string Note, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// Also only for the BuildingBlocks tests: two consumers on queues of their own each hold a transaction open for
/// <paramref name="HoldMilliseconds"/> when it arrives (the limit on handlers running at once across queues).
/// </summary>
public sealed record BuildingBlocksHeldProbeSent(Guid ProbeId, int HoldMilliseconds, DateTimeOffset OccurredAt) : IIntegrationEvent;
