namespace GoShop.BuildingBlocks.Subscriptions;

/// <summary>
/// Topics for live updates. A message published on any instance of any subgraph reaches every subscriber of the
/// topic on every instance, so a subscription can be served by whichever instance the gateway reached.
/// Delivery is at most once and in publish order per topic; durable facts travel as integration events instead.
/// </summary>
public interface ITopicBus
{
    Task PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The messages of a topic, answered once the topic is live, so nothing published afterwards is missed by the
    /// observer that subscribes to the answer (subscribe once, and at once: the topic is held open for it).
    /// Waiting for the topic blocks no thread, so a burst of subscribers cannot starve the thread pool.
    /// </summary>
    Task<IObservable<T>> ObserveAsync<T>(string topic, CancellationToken cancellationToken = default);
}
