using GoShop.Payments.Escrows;
using GoShop.Payments.Domain;
using GraphQL.Types;

namespace GoShop.Payments.GraphQL.Types;

public sealed class PaymentMethodType : EnumerationGraphType<PaymentMethod>
{
    public PaymentMethodType()
    {
        Name = "PaymentMethod";
        Description = "How the buyer pays: online (CARD, E_WALLET, BANK_TRANSFER; the order waits for the payment) or cash on delivery (COD).";
    }
}

public sealed class PaymentGatewayType : EnumerationGraphType<PaymentGateway>
{
    public PaymentGatewayType()
    {
        Name = "PaymentGateway";
        Description = "The provider that collects an online payment: cards through STRIPE or VNPAY, wallets through MOMO or PAYPAL, bank transfers through VNPAY.";
    }
}

public sealed class PaymentStatusType : EnumerationGraphType<PaymentStatus>
{
    public PaymentStatusType()
    {
        Name = "PaymentStatus";
        Description = "Where a payment stands, derived from its transactions.";
    }
}

public sealed class TransactionKindType : EnumerationGraphType<TransactionKind>
{
    public TransactionKindType()
    {
        Name = "TransactionKind";
        Description = "What moved in a payment's ledger.";
    }
}

public sealed class EscrowStatusType : EnumerationGraphType<EscrowStatus>
{
    public EscrowStatusType()
    {
        Name = "EscrowStatus";
        Description = "Where an order's held money stands: HELD for the shop after payment; RELEASED to it after receipt; REFUNDED to the buyer; FROZEN while a dispute is open.";
    }
}

public sealed class RefundStatusType : EnumerationGraphType<RefundStatus>
{
    public RefundStatusType()
    {
        Name = "RefundStatus";
        Description = "Where a refund stands.";
    }
}

public sealed class DisputeStatusType : EnumerationGraphType<DisputeStatus>
{
    public DisputeStatusType()
    {
        Name = "DisputeStatus";
        Description = "Whether a dispute is decided, and for whom.";
    }
}

public sealed class PayoutStatusType : EnumerationGraphType<PayoutStatus>
{
    public PayoutStatusType()
    {
        Name = "PayoutStatus";
        Description = "Where a payout stands.";
    }
}

public sealed class DisputeOutcomeType : EnumerationGraphType<DisputeOutcome>
{
    public DisputeOutcomeType()
    {
        Name = "DisputeOutcome";
        Description = "Who an admin decides a dispute for: BUYER (refunded) or SELLER (the money is the shop's again).";
    }
}

public sealed class DisputeSourceType : EnumerationGraphType<DisputeSource>
{
    public DisputeSourceType()
    {
        Name = "DisputeSource";
        Description = "Who opened a dispute: the buyer through GoShop, or the buyer's bank (a chargeback).";
    }
}

public sealed class LedgerEntryKindType : EnumerationGraphType<LedgerEntryKind>
{
    public LedgerEntryKindType()
    {
        Name = "ShopLedgerEntryKind";
        Description = "What moved a shop's balance.";
    }
}
