namespace GoShop.Payments.Domain;

/// <summary>
/// Money a shop owes the platform because a refund or a lost chargeback came after its money was released and its
/// balance could not cover it all. The balance never goes below zero instead; the next money released to the shop
/// pays its debts first, oldest first (DEBT_REPAYMENT entries).
/// </summary>
public sealed class ShopDebt
{
    private ShopDebt()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    /// <summary>What caused it: REFUND or CHARGEBACK.</summary>
    public LedgerEntryKind Cause { get; private set; }

    public Guid? OrderId { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>What is still owed; 0 once repaid.</summary>
    public decimal Outstanding { get; private set; }

    public string Currency { get; private set; } = "VND";

    public DateTimeOffset IncurredAt { get; private set; }

    public DateTimeOffset? RepaidAt { get; private set; }

    public static ShopDebt Incur(Guid shopId, LedgerEntryKind cause, decimal amount, string currency, Guid? orderId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        ShopId = shopId,
        Cause = cause,
        OrderId = orderId,
        Amount = amount,
        Outstanding = amount,
        Currency = currency,
        IncurredAt = at,
    };

    /// <summary>Pays up to <paramref name="available"/> of what is owed: the DEBT_REPAYMENT entry, or null when nothing could be paid.</summary>
    public ShopLedgerEntry? Repay(decimal available, DateTimeOffset at)
    {
        var paid = Math.Min(Outstanding, available);
        if (paid <= 0)
            return null;
        Outstanding -= paid;
        if (Outstanding == 0)
            RepaidAt = at;
        return ShopLedgerEntry.Record(ShopId, LedgerEntryKind.DebtRepayment, -paid, Currency, OrderId, at);
    }
}
