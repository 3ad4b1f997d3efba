namespace GoShop.Ordering.Domain;

/// <summary>
/// One move of an order: from where (none for the placement), to where, by whom and why. <see cref="Sequence"/> is the
/// order's version the move produced, so an order's history reads in order even when two moves share a timestamp.
/// </summary>
public sealed class OrderStatusChange
{
    private OrderStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public int Sequence { get; private set; }

    public OrderStatus? From { get; private set; }

    public OrderStatus To { get; private set; }

    public ActorRole ActorRole { get; private set; }

    /// <summary>The person who made the move; none for SYSTEM.</summary>
    public Guid? ActorId { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static OrderStatusChange Record(Guid orderId, int sequence, OrderStatus? from, OrderStatus to, ActorRole role, Guid? actorId,
        string? reason, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Sequence = sequence,
        From = from,
        To = to,
        ActorRole = role,
        ActorId = actorId,
        Reason = reason,
        At = at,
    };
}

/// <summary>
/// One entry of an order's timeline, the story a buyer or seller reads: every move, and news that does not move the
/// order (a shipment in transit, a refund of a cancelled order).
/// </summary>
public sealed class OrderTimelineEntry
{
    private OrderTimelineEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public int Sequence { get; private set; }

    public OrderTimelineKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string? Detail { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static OrderTimelineEntry Write(Guid orderId, int sequence, OrderTimelineKind kind, string title, string? detail, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Sequence = sequence,
        Kind = kind,
        Title = title,
        Detail = detail,
        At = at,
    };
}
