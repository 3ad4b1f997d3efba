namespace GoShop.Contracts.Testing;

/// <summary>
/// Exists only for the BuildingBlocks tests (tests/BuildingBlocks.Tests): an integration event of their own to send
/// through the outbox, RabbitMQ and the inbox. The outbox resolves event types from this assembly, so the test event
/// lives here too. No subgraph publishes or consumes it.
/// </summary>
public sealed record BuildingBlocksProbeSent(Guid ProbeId, string Note, DateTimeOffset OccurredAt) : IIntegrationEvent;
