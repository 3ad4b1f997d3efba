namespace GoShop.Analytics.Domain;

/// <summary>
/// A recount an event handler asked for and <c>PendingRecounts</c> has not yet made: a shop's day whose facts changed
/// (<see cref="ShopId"/> and <see cref="Day"/>), or an order whose categories' placement day needs recounting
/// (<see cref="OrderId"/>). Rows are only inserted and deleted, never updated, so a handler never waits for the recount
/// under way; the same day asked for twice is recounted once.
/// </summary>
public sealed class PendingRecount
{
    private PendingRecount()
    {
    }

    public long Id { get; private set; }

    public Guid? ShopId { get; private set; }

    public DateOnly? Day { get; private set; }

    public Guid? OrderId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
}
