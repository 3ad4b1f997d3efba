namespace GoShop.Payments.Domain;

/// <summary>How the buyer pays: online (the order waits for the payment) or cash on delivery.</summary>
public enum PaymentMethod
{
    Card,
    EWallet,
    BankTransfer,
    Cod,
}

/// <summary>The provider that collects an online payment (the adapters of GoShop.PaymentGateways).</summary>
public enum PaymentGateway
{
    Stripe,
    Paypal,
    Vnpay,
    Momo,
}

/// <summary>
/// Where a payment stands, derived from its ledger: nothing moved yet (PENDING, or AWAITING_COLLECTION for cash on
/// delivery), authorised, captured, partly or wholly refunded, or ended without money (FAILED, CANCELLED).
/// </summary>
public enum PaymentStatus
{
    Pending,
    AwaitingCollection,
    Authorized,
    Captured,
    PartiallyRefunded,
    Refunded,
    Failed,
    Cancelled,
}

/// <summary>The kinds of movement in a payment's ledger.</summary>
public enum TransactionKind
{
    Authorization,
    Capture,
    Refund,
    Chargeback,
}

public static class PaymentMethods
{
    /// <summary>The contract names ordering uses (CARD, E_WALLET, BANK_TRANSFER, COD).</summary>
    public static string ToContractName(this PaymentMethod method) => method switch
    {
        PaymentMethod.Card => "CARD",
        PaymentMethod.EWallet => "E_WALLET",
        PaymentMethod.BankTransfer => "BANK_TRANSFER",
        PaymentMethod.Cod => "COD",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static PaymentMethod? FromContractName(string name) => name switch
    {
        "CARD" => PaymentMethod.Card,
        "E_WALLET" => PaymentMethod.EWallet,
        "BANK_TRANSFER" => PaymentMethod.BankTransfer,
        "COD" => PaymentMethod.Cod,
        _ => null,
    };

    /// <summary>Which gateways collect which method: cards through Stripe or VNPay, wallets through MoMo or PayPal, bank transfers through VNPay.</summary>
    public static bool Accepts(this PaymentGateway gateway, PaymentMethod method) => (method, gateway) switch
    {
        (PaymentMethod.Card, PaymentGateway.Stripe or PaymentGateway.Vnpay) => true,
        (PaymentMethod.EWallet, PaymentGateway.Momo or PaymentGateway.Paypal) => true,
        (PaymentMethod.BankTransfer, PaymentGateway.Vnpay) => true,
        _ => false,
    };

    public static string ToContractName(this PaymentGateway gateway) => gateway.ToString().ToUpperInvariant();
}
