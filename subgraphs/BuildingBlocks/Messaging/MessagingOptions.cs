namespace GoShop.BuildingBlocks.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// Prefix of this host's queue names; the subgraph's name unless set. Hosts of one subgraph that share a prefix
    /// compete for messages (scaling out); tests give each host its own so they never take each other's messages.
    /// </summary>
    public string? QueuePrefix { get; set; }

    /// <summary>
    /// Prefix of the exchanges this host publishes to and binds its queues to; none in production. Tests give each
    /// host its own, so an event one test host publishes never reaches another (an OrderConfirmed of ordering's tests
    /// would otherwise make a shipping test host create a shipment and answer with a ShipmentCreated).
    /// </summary>
    public string? ExchangePrefix { get; set; }

    /// <summary>
    /// Let RabbitMQ delete this host's queues once no one has used them for <see cref="TemporaryQueueExpiration"/>
    /// (tests and throwaway hosts; never in production). They survive a broker restart meanwhile.
    /// </summary>
    public bool TemporaryQueues { get; set; }

    public static readonly TimeSpan TemporaryQueueExpiration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Most event handlers this process runs at once across all its queues; unset, a third of
    /// <see cref="Data.DatabaseOptions.MaxPoolSize"/> (see <see cref="HandlerSlots"/>).
    /// </summary>
    public int? ConcurrentHandlers { get; set; }

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for messages when nobody woke it (retries, other instances' rows).</summary>
    public int OutboxPollMilliseconds { get; set; } = 1000;

    public int PublishTimeoutSeconds { get; set; } = 10;

    public int OutboxRetentionDays { get; set; } = 7;

    /// <summary>How long a handled message id is remembered; redeliveries come within minutes, not weeks.</summary>
    public int InboxRetentionDays { get; set; } = 30;
}
