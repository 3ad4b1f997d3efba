using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;

namespace GoShop.Payments.Domain;

public enum PayoutStatus
{
    [Description("Requested; waiting for an admin to record the bank transfer.")]
    Pending,

    [Description("Transferred to the shop's bank account.")]
    Paid,

    [Description("The transfer failed: the amount went back into the shop's balance (a PAYOUT_REVERSAL entry).")]
    Failed,
}

/// <summary>
/// Money a shop's owner asked to be paid out of its balance to its bank account. Asking takes the amount out of the
/// balance at once (a PAYOUT entry of the shop's ledger); an admin records the bank transfer (PAID) or its failure
/// (FAILED, the amount credited back with a PAYOUT_REVERSAL entry).
/// </summary>
public sealed class Payout
{
    public const int MaxText = 200;

    private Payout()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    public PayoutStatus Status { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public Guid RequestedBy { get; private set; }

    public string? BankReference { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A payout of <paramref name="amount"/> out of <paramref name="available"/>, and the ledger entry that takes it.</summary>
    public static Result<(Payout Payout, ShopLedgerEntry Entry)> Request(Guid shopId, decimal amount, decimal available, string idempotencyKey, Guid requestedBy,
        DateTimeOffset at)
    {
        if (amount > available)
            return PaymentErrors.InsufficientBalance with { Message = $"The shop's available balance is {available:0} VND." };
        var payout = new Payout
        {
            Id = Guid.CreateVersion7(),
            ShopId = shopId,
            Amount = amount,
            Status = PayoutStatus.Pending,
            IdempotencyKey = idempotencyKey,
            RequestedBy = requestedBy,
            RequestedAt = at,
        };
        return (payout, ShopLedgerEntry.Record(shopId, LedgerEntryKind.Payout, -amount, payout.Currency, null, at, payout.Id));
    }

    public Result MarkPaid(string bankReference, DateTimeOffset at)
    {
        if (Status != PayoutStatus.Pending)
            return PaymentErrors.PayoutNotPending;
        Status = PayoutStatus.Paid;
        BankReference = bankReference;
        CompletedAt = at;
        return Result.Success;
    }

    /// <summary>The transfer failed: the amount goes back into the balance.</summary>
    public Result<ShopLedgerEntry> Fail(string reason, DateTimeOffset at)
    {
        if (Status != PayoutStatus.Pending)
            return PaymentErrors.PayoutNotPending;
        Status = PayoutStatus.Failed;
        FailureReason = reason;
        CompletedAt = at;
        return ShopLedgerEntry.Record(ShopId, LedgerEntryKind.PayoutReversal, Amount, Currency, null, at, Id);
    }
}
