namespace GoShop.Contracts;

/// <summary>
/// Marks a record as an integration event: a fact one subgraph publishes through its outbox for others to consume.
/// Events are immutable, past-tense, and carry everything a consumer needs without calling back.
/// </summary>
public interface IIntegrationEvent
{
    DateTimeOffset OccurredAt { get; }
}
