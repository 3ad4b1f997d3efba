using System.ComponentModel;

namespace GoShop.Payments.Domain;

public enum DisputeStatus
{
    [Description("Not decided yet.")]
    Open,

    [Description("Decided for the seller: the money stays with the shop.")]
    Won,

    [Description("Decided for the buyer: the money goes back to them.")]
    Lost,
}

/// <summary>Who opened the dispute: the buyer through GoShop, or the buyer's bank (a chargeback notified by the provider).</summary>
public enum DisputeSource
{
    [Description("Opened by the buyer with openDispute; an admin decides it (resolveDispute).")]
    Buyer,

    [Description("Opened by the buyer's bank, as the provider notified GoShop; the bank decides it.")]
    Chargeback,
}

/// <summary>A disagreement about an order's payment; while it is open the order's escrow is frozen.</summary>
public sealed class Dispute
{
    public const int MaxReason = 1000;

    private Dispute()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid BuyerId { get; private set; }

    public DisputeSource Source { get; private set; }

    public string Reason { get; private set; } = "";

    public DisputeStatus Status { get; private set; }

    public string? ProviderReference { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The admin who decided a buyer's dispute (null for chargebacks: the bank decides those).</summary>
    public Guid? ResolvedBy { get; private set; }

    public string? ResolutionNote { get; private set; }

    public static Dispute Open(Guid paymentId, Guid orderId, Guid buyerId, DisputeSource source, string reason, string? providerReference, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        PaymentId = paymentId,
        OrderId = orderId,
        BuyerId = buyerId,
        Source = source,
        Reason = reason,
        ProviderReference = providerReference,
        Status = DisputeStatus.Open,
        OpenedAt = at,
    };

    /// <summary>An admin decides the dispute: for the buyer it is LOST (the money goes back), for the seller WON.</summary>
    public bool Resolve(bool forBuyer, Guid adminId, string? note, DateTimeOffset at)
    {
        if (Status != DisputeStatus.Open)
            return false;
        Close(forBuyer ? DisputeStatus.Lost : DisputeStatus.Won, at);
        ResolvedBy = adminId;
        ResolutionNote = note;
        return true;
    }

    public void Close(DisputeStatus outcome, DateTimeOffset at)
    {
        if (Status != DisputeStatus.Open)
            return;
        Status = outcome;
        ClosedAt = at;
    }
}
