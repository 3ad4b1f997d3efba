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

    /// <summary>Delete this host's queues when it disconnects (tests and throwaway hosts; never in production).</summary>
    public bool TemporaryQueues { get; set; }

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for messages when nobody woke it (retries, other instances' rows).</summary>
    public int OutboxPollMilliseconds { get; set; } = 1000;

    public int PublishTimeoutSeconds { get; set; } = 10;

    public int OutboxRetentionDays { get; set; } = 7;

    /// <summary>How long a handled message id is remembered; redeliveries come within minutes, not weeks.</summary>
    public int InboxRetentionDays { get; set; } = 30;
}
