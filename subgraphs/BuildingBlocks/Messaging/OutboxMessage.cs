using GoShop.BuildingBlocks.Domain;
namespace GoShop.BuildingBlocks.Messaging;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the state change it reports.
/// Its id becomes the message id on the bus, so consumers recognise a message published twice.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The event's contract name (its full CLR type name in GoShop.Contracts).</summary>
    public string MessageType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>W3C trace context of the operation that raised the event, so the consumer's work joins its trace.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(string messageType, string payload, DateTimeOffset occurredAt, string? traceParent) => new()
    {
        // Ids are the dispatch order: events raised together leave in the order they were raised.
        Id = MonotonicUuid.NewV7(),
        MessageType = messageType,
        Payload = payload,
        OccurredAt = occurredAt,
        TraceParent = traceParent,
        NextAttemptAt = occurredAt,
    };

    public void MarkDispatched(DateTimeOffset at)
    {
        DispatchedAt = at;
        LastError = null;
    }

    /// <summary>Backs off exponentially (2 s, 4 s, ... capped at 5 minutes) after a failed publish.</summary>
    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(Attempts, 9))));
        NextAttemptAt = at + delay;
    }
}
