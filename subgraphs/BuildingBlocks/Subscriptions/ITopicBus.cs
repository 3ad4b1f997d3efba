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
    /// The messages of a topic from the moment of subscribing. Subscribing returns once the topic is live, so
    /// nothing published afterwards is missed.
    /// </summary>
    IObservable<T> Observe<T>(string topic);
}
