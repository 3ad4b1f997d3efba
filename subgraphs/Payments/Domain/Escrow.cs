using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;

namespace GoShop.Payments.Domain;

/// <summary>HELD for the shop after capture; RELEASED to its balance, REFUNDED to the buyer, FROZEN while a dispute is open.</summary>
public enum EscrowStatus
{
    [Description("Held for the shop: released to it when the buyer confirms receipt or the release time after delivery passes.")]
    Held,

    [Description("Paid into the shop's balance, less the platform's commission.")]
    Released,

    [Description("All of it went back to the buyer: refunds before release, or a lost chargeback.")]
    Refunded,

    [Description("Frozen while a dispute (the buyer's or a chargeback) is open: neither released nor confirmable.")]
    Frozen,
}

/// <summary>
/// Buyer protection for one paid order: its money is held until the buyer confirms receipt or the release clock
/// (started at delivery) runs out, then released to the shop less the platform's commission. Refunds take from it; a
/// dispute freezes it.
/// </summary>
public sealed class Escrow
{
    private Escrow()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid PaymentId { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid SellerId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    public decimal RefundedAmount { get; private set; }

    public EscrowStatus Status { get; private set; }

    public decimal? Commission { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    public DateTimeOffset? ReleaseDueAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    public string? ReleaseReason { get; private set; }

    public decimal Remaining => Amount - RefundedAmount;

    public static Escrow Hold(Payment payment, PaymentOrder order, DateTimeOffset? deliveredAt, TimeSpan releaseAfterDelivery, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = order.OrderId,
        PaymentId = payment.Id,
        BuyerId = payment.BuyerId,
        ShopId = order.ShopId,
        SellerId = order.SellerId,
        Amount = order.Amount,
        Currency = payment.Currency,
        Status = EscrowStatus.Held,
        HeldAt = at,
        ReleaseDueAt = deliveredAt + releaseAfterDelivery,
    };

    /// <summary>The order was delivered: the money is released by itself after the given time unless a dispute stops it.</summary>
    public void StartReleaseClock(DateTimeOffset deliveredAt, TimeSpan releaseAfterDelivery) =>
        ReleaseDueAt ??= deliveredAt + releaseAfterDelivery;

    /// <summary>
    /// Gives what is left to the shop: its balance gets the amount and gives the commission (rounded to whole đồng) back
    /// to the platform, two entries of the shop's ledger.
    /// </summary>
    public Result<List<ShopLedgerEntry>> Release(decimal commissionRate, string reason, DateTimeOffset at)
    {
        if (Status != EscrowStatus.Held)
            return PaymentErrors.EscrowNotHeld;
        Status = EscrowStatus.Released;
        ReleasedAt = at;
        ReleaseReason = reason;
        Commission = Money.Round(Remaining * commissionRate, Currency);
        return new List<ShopLedgerEntry>
        {
            ShopLedgerEntry.Record(ShopId, LedgerEntryKind.EscrowRelease, Remaining, Currency, OrderId, at),
            ShopLedgerEntry.Record(ShopId, LedgerEntryKind.Commission, -Commission.Value, Currency, OrderId, at),
        };
    }

    /// <summary>A refund of the order reached the buyer: it comes out of the held money; all of it makes the escrow REFUNDED.</summary>
    public void Refund(decimal amount, DateTimeOffset at)
    {
        if (Status is EscrowStatus.Released or EscrowStatus.Refunded)
            return;
        RefundedAmount = Math.Min(Amount, RefundedAmount + amount);
        if (Remaining == 0)
        {
            Status = EscrowStatus.Refunded;
            RefundedAt = at;
        }
    }

    /// <summary>The money left with the buyer's bank (a chargeback lost) after the shop got it: the shop's balance pays it back.</summary>
    public ShopLedgerEntry? ChargeBack(DateTimeOffset at)
    {
        var wasReleased = Status == EscrowStatus.Released;
        var amount = Remaining;
        RefundedAmount = Amount;
        Status = EscrowStatus.Refunded;
        RefundedAt = at;
        return wasReleased ? ShopLedgerEntry.Record(ShopId, LedgerEntryKind.Chargeback, -(amount - (Commission ?? 0)), Currency, OrderId, at) : null;
    }

    public bool Freeze()
    {
        if (Status != EscrowStatus.Held)
            return false;
        Status = EscrowStatus.Frozen;
        return true;
    }

    public void Unfreeze()
    {
        if (Status == EscrowStatus.Frozen)
            Status = EscrowStatus.Held;
    }
}

public enum LedgerEntryKind
{
    [Description("An order's held money released to the shop (positive).")]
    EscrowRelease,

    [Description("The platform's commission on a release (negative).")]
    Commission,

    [Description("A refund to the buyer after the order's money was released (negative; what the balance could not cover became debt).")]
    Refund,

    [Description("A chargeback lost after the order's money was released, less the commission already taken (negative; what the balance "
        + "could not cover became debt).")]
    Chargeback,

    [Description("A payout to the shop's bank account (negative), taken when it was requested.")]
    Payout,

    [Description("A failed payout credited back (positive).")]
    PayoutReversal,

    [Description("Money taken from the balance to repay what the shop owed (negative).")]
    DebtRepayment,
}

/// <summary>
/// One line of a shop's balance: money released to it (+), the platform's commission (-), refunds and chargebacks after
/// release (-), payouts (-) and failed payouts credited back (+), debts repaid from it (-). The balance is their sum.
/// </summary>
public sealed class ShopLedgerEntry
{
    private ShopLedgerEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    public Guid? OrderId { get; private set; }

    public Guid? PayoutId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static ShopLedgerEntry Record(Guid shopId, LedgerEntryKind kind, decimal amount, string currency, Guid? orderId, DateTimeOffset at, Guid? payoutId = null) => new()
    {
        PayoutId = payoutId,
        Id = Guid.CreateVersion7(),
        ShopId = shopId,
        Kind = kind,
        Amount = amount,
        Currency = currency,
        OrderId = orderId,
        At = at,
    };
}
