namespace GoShop.BuildingBlocks.Messaging;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How often the dispatcher looks for messages when nobody woke it (retries, other instances' rows).</summary>
    public int OutboxPollMilliseconds { get; set; } = 1000;

    public int PublishTimeoutSeconds { get; set; } = 10;

    public int OutboxRetentionDays { get; set; } = 7;

    /// <summary>How long a handled message id is remembered; redeliveries come within minutes, not weeks.</summary>
    public int InboxRetentionDays { get; set; } = 30;
}
