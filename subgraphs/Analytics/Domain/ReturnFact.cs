using GoShop.Contracts.Ordering;

namespace GoShop.Analytics.Domain;

/// <summary>
/// A buyer's return of some units (or all) of a delivered order, with the status of its latest event by time. A return
/// counts toward the return rate once the seller accepted it (<see cref="Accepted"/>).
/// </summary>
public sealed class ReturnFact
{
    private static readonly HashSet<string> AcceptedStatuses = ["APPROVED", "IN_TRANSIT", "RECEIVED", "REFUNDED"];

    private ReturnFact()
    {
    }

    public Guid ReturnId { get; private set; }

    public Guid OrderId { get; private set; }

    public string Status { get; private set; } = "";

    public DateTimeOffset StatusAt { get; private set; }

    public int Units { get; private set; }

    public decimal RefundAmount { get; private set; }

    public bool Accepted { get; private set; }

    public static ReturnFact From(ReturnSnapshot snapshot) => new()
    {
        ReturnId = snapshot.ReturnId,
        OrderId = snapshot.OrderId,
        StatusAt = DateTimeOffset.MinValue,
        Units = snapshot.Lines.Sum(l => l.Quantity),
        RefundAmount = snapshot.RefundAmount,
    };

    public void Apply(ReturnSnapshot snapshot, DateTimeOffset occurredAt)
    {
        if (occurredAt < StatusAt)
            return;
        Status = snapshot.Status;
        StatusAt = occurredAt;
        Accepted = AcceptedStatuses.Contains(snapshot.Status);
    }
}
