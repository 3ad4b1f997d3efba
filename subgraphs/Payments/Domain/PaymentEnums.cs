using System.ComponentModel;

namespace GoShop.Payments.Domain;

/// <summary>How the buyer pays: online (the order waits for the payment) or cash on delivery.</summary>
public enum PaymentMethod
{
    [Description("A debit or credit card, paid online through STRIPE or VNPAY.")]
    Card,

    [Description("An e-wallet, paid online through MOMO or PAYPAL.")]
    EWallet,

    [Description("A bank transfer, paid online through VNPAY.")]
    BankTransfer,

    [Description("Cash on delivery: the shipper collects the order's total from the buyer.")]
    Cod,
}

/// <summary>The provider that collects an online payment (the adapters of GoShop.PaymentGateways).</summary>
public enum PaymentGateway
{
    [Description("Stripe, for cards: the buyer confirms the payment with Stripe's client SDK and the payment's clientSecret.")]
    Stripe,

    [Description("PayPal, for e-wallet payments: the buyer approves on PayPal's page (redirectUrl); charged in USD, converted from VND at "
        + "GoShop's configured rate (see providerAmount).")]
    Paypal,

    [Description("VNPay, for cards and bank transfers: the buyer pays on VNPay's page (redirectUrl), in VND.")]
    Vnpay,

    [Description("MoMo, for e-wallet payments: the buyer pays on MoMo's page or app (redirectUrl), in VND.")]
    Momo,
}

/// <summary>
/// Where a payment stands, derived from its ledger: nothing moved yet (PENDING, or AWAITING_COLLECTION for cash on
/// delivery), authorised, captured, partly or wholly refunded, or ended without money (FAILED, CANCELLED).
/// </summary>
public enum PaymentStatus
{
    [Description("Started online; nothing has moved yet: the buyer has still to pay at the provider.")]
    Pending,

    [Description("Cash on delivery: waiting for the shipper to collect the cash.")]
    AwaitingCollection,

    [Description("The provider authorised the money but has not captured it yet (see capturePayment).")]
    Authorized,

    [Description("The money was collected (by the provider, or in cash by the shipper); nothing went back.")]
    Captured,

    [Description("Captured, and part of it went back to the buyer (refunds or a lost chargeback).")]
    PartiallyRefunded,

    [Description("Captured, and all of it went back to the buyer (refunds or a lost chargeback).")]
    Refunded,

    [Description("Ended without money (see failureReason): the provider declined it, and its orders waiting for payment are cancelled; "
        + "or it could not open its session, and the orders keep waiting (after GATEWAY_UNAVAILABLE, startPayment with the same key tries again).")]
    Failed,

    [Description("Ended without money: the buyer gave up at the provider's page (its orders waiting for payment are cancelled), or a "
        + "cash-on-delivery order was cancelled before the cash was collected.")]
    Cancelled,
}

/// <summary>The kinds of movement in a payment's ledger.</summary>
public enum TransactionKind
{
    [Description("The provider authorised the amount; nothing is captured yet.")]
    Authorization,

    [Description("The money was collected: by the provider, or in cash by the shipper.")]
    Capture,

    [Description("Money given back to the buyer for one order.")]
    Refund,

    [Description("Money the buyer's bank took back: a chargeback decided for the buyer.")]
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
