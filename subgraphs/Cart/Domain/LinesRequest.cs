namespace GoShop.Cart.Domain;

/// <summary>
/// A request to add lines that was carried out (ordering's reorder), remembered with its answer so a retry of the same
/// request id answers the same and adds nothing twice.
/// </summary>
public sealed class LinesRequest
{
    private LinesRequest()
    {
    }

    public Guid RequestId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The answer given the first time, as JSON.</summary>
    public string Answer { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static LinesRequest Remember(Guid requestId, Guid userId, string answer, DateTimeOffset now) => new()
    {
        RequestId = requestId,
        UserId = userId,
        Answer = answer,
        CreatedAt = now,
    };
}
