namespace GoShop.Shops.Domain;

/// <summary>
/// Whether a shop owner's account is suspended, as of the latest identity event about it. Suspension and reinstatement
/// may arrive late, twice or in the wrong order; remembering when the current standing was decided lets an older event
/// be told apart and ignored.
/// </summary>
public sealed class OwnerStanding
{
    private OwnerStanding()
    {
    }

    public Guid OwnerId { get; private set; }

    public bool Suspended { get; private set; }

    /// <summary>When identity decided the current standing (the event's OccurredAt).</summary>
    public DateTimeOffset DecidedAt { get; private set; }

    public static OwnerStanding Of(Guid ownerId) => new() { OwnerId = ownerId, DecidedAt = DateTimeOffset.MinValue };

    /// <summary>Takes the standing identity decided at <paramref name="decidedAt"/>; answers false, changing nothing, when a later decision is known.</summary>
    public bool Decide(bool suspended, DateTimeOffset decidedAt)
    {
        if (decidedAt <= DecidedAt)
            return false;
        Suspended = suspended;
        DecidedAt = decidedAt;
        return true;
    }
}
