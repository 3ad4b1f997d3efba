namespace GoShop.BuildingBlocks.Messaging;

/// <summary>A message a consumer has already handled; recorded in the consumer's own transaction.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public string MessageType { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
