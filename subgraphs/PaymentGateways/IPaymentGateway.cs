namespace GoShop.PaymentGateways;

/// <summary>The payment providers GoShop works with. COD has no provider: the shipper collects the cash.</summary>
public enum GatewayKind
{
    Stripe,
    PayPal,
    VnPay,
    MoMo,
}

/// <summary>
/// What to collect for one payment attempt. <see cref="Reference"/> is ours (the payment id, 32 hex digits) and
/// comes back in every notification; <see cref="Amount"/> is in <see cref="Currency"/> (VND: whole đồng).
/// <see cref="ReturnUrl"/> is where the provider sends the buyer's browser afterwards, <see cref="NotifyUrl"/> the
/// webhook the provider calls. <see cref="SavedMethodToken"/> is a provider token of a saved method, when the buyer
/// chose one.
/// </summary>
public sealed record ChargeRequest(
    string Reference,
    decimal Amount,
    string Currency,
    string Description,
    string ReturnUrl,
    string NotifyUrl,
    string? ClientIp,
    string? SavedMethodToken,
    DateTimeOffset At);

/// <summary>
/// The provider's answer to a charge: its own reference for it, where to send the buyer (<see cref="RedirectUrl"/>)
/// or what a client SDK needs (<see cref="ClientSecret"/>), and the amount and currency the provider will collect
/// (<see cref="ProviderAmount"/> in <see cref="ProviderCurrency"/>: PayPal does not take VND, so it is converted at
/// the configured rate). Notifications are checked against these.
/// </summary>
public sealed record ChargeSession(
    string ProviderReference,
    string? RedirectUrl,
    string? ClientSecret,
    decimal ProviderAmount,
    string ProviderCurrency,
    DateTimeOffset? ExpiresAt);

/// <summary>Capture of an authorised charge (PayPal order capture, Stripe manual capture).</summary>
public sealed record CaptureRequest(string Reference, string ProviderReference, decimal ProviderAmount, string ProviderCurrency);

/// <summary>
/// Give money back: <see cref="Amount"/> in the payment's currency (VND), for the payment <see cref="Reference"/>
/// whose provider references are given; <see cref="RefundReference"/> is ours and unique (the refund id), so a retry
/// of the same refund is recognised by the provider.
/// </summary>
public sealed record RefundRequest(
    string Reference,
    string RefundReference,
    string ProviderReference,
    string? ProviderTransactionId,
    decimal Amount,
    string Currency,
    decimal ProviderAmount,
    string ProviderCurrency,
    string Reason,
    DateTimeOffset PaidAt,
    DateTimeOffset At)
{
    /// <summary>
    /// The payment's captured amount in <see cref="Currency"/>, when known. <see cref="ProviderAmount"/> is this
    /// refund's amount at the provider (PayPal: in USD). VNPay asks for a full refund (type 02) only when
    /// <see cref="Amount"/> reaches this; without it a refund is sent as partial (03).
    /// </summary>
    public decimal? PaymentAmount { get; init; }
}

/// <summary>How a provider call that moves money ended.</summary>
public enum GatewayCallStatus
{
    Succeeded,
    /// <summary>Accepted by the provider; the outcome arrives later in a webhook.</summary>
    Pending,
    Failed,
}

/// <summary>What a capture or refund call answered: the provider's transaction id and code.</summary>
public sealed record GatewayCallResult(
    GatewayCallStatus Status,
    string? ProviderTransactionId,
    decimal ProviderAmount,
    string ProviderCurrency,
    string? ProviderCode,
    string? Message);

/// <summary>What a verified notification says happened.</summary>
public enum NotificationOutcome
{
    /// <summary>The money was authorised, not yet captured.</summary>
    Authorized,
    /// <summary>The money was captured: the payment succeeded.</summary>
    Captured,
    /// <summary>Declined or failed at the provider.</summary>
    Failed,
    /// <summary>The buyer gave up at the provider's page.</summary>
    Cancelled,
    /// <summary>A refund reached the buyer.</summary>
    Refunded,
    /// <summary>The buyer's bank opened a chargeback.</summary>
    ChargebackOpened,
    /// <summary>A chargeback was decided for the merchant (the money stays).</summary>
    ChargebackWon,
    /// <summary>A chargeback was decided for the buyer (the money is gone).</summary>
    ChargebackLost,
    /// <summary>A verified notification that changes nothing here (an event type we do not act on).</summary>
    Ignored,
}

/// <summary>
/// A notification whose signature was verified. <see cref="ProviderEventId"/> identifies this notification at the
/// provider (a replay carries the same id); <see cref="Reference"/> is ours (from <see cref="ChargeRequest"/>) or,
/// for refunds, the refund reference; amounts are the provider's.
/// </summary>
public sealed record GatewayNotification(
    GatewayKind Gateway,
    string ProviderEventId,
    string Reference,
    string? ProviderTransactionId,
    NotificationOutcome Outcome,
    decimal ProviderAmount,
    string ProviderCurrency,
    string? ProviderCode,
    string? Message,
    DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The provider's reference of the charge this notification is about (Stripe PaymentIntent id, PayPal order id,
    /// VNPay/MoMo: our reference as they echo it; PayPal captures/disputes: the order or capture id). Stripe disputes
    /// do not carry our reference: the adapter reads it from this PaymentIntent while verifying.
    /// </summary>
    public string? ProviderReference { get; init; }
}

/// <summary>An incoming webhook exactly as it arrived (the body as raw bytes: signatures cover the raw payload).</summary>
public sealed record WebhookRequest(
    string Method,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt);

/// <summary>The result of checking a webhook: verified (with what it says), or refused (and why, for the log).</summary>
public abstract record WebhookVerification
{
    private WebhookVerification() { }

    public sealed record Verified(GatewayNotification Notification) : WebhookVerification;

    /// <summary><see cref="Reason"/> is for the log only: INVALID_SIGNATURE, STALE, MALFORMED, ...</summary>
    public sealed record Refused(string Reason, string Detail) : WebhookVerification;
}

/// <summary>What the payments subgraph made of a webhook, so the adapter answers in the provider's own terms.</summary>
public enum WebhookHandling
{
    /// <summary>Verified and recorded.</summary>
    Recorded,
    /// <summary>Verified, and already recorded before (a replay or a concurrent duplicate).</summary>
    AlreadyRecorded,
    /// <summary>No payment has that reference.</summary>
    UnknownPayment,
    /// <summary>The amount or currency differs from the payment's.</summary>
    AmountMismatch,
    /// <summary>The signature (or timestamp, or shape) did not verify.</summary>
    Refused,
    /// <summary>We failed while recording it; the provider should retry.</summary>
    Failed,
}

/// <summary>The HTTP answer to a webhook: VNPay wants <c>{"RspCode":"00","Message":"..."}</c>, MoMo 204, Stripe 200/400.</summary>
public sealed record WebhookReply(int StatusCode, string? ContentType, string? Body);

/// <summary>
/// One payment provider. Implementations talk to the provider's API (or to its sandbox when
/// <c>Payments:Gateways:{Name}:Sandbox</c> is on), sign what the provider requires, and verify what it sends.
/// Credentials come from configuration and are never logged.
/// </summary>
public interface IPaymentGateway
{
    GatewayKind Kind { get; }

    /// <summary>Starts collecting: a payment URL (VNPay, MoMo, PayPal approval) or a client secret (Stripe).</summary>
    Task<ChargeSession> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>Captures an authorised charge (a no-op answer of Succeeded where the provider captures by itself).</summary>
    Task<GatewayCallResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds all or part of a captured payment to the original method.</summary>
    Task<GatewayCallResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>Verifies a webhook before anything else reads it: signature, freshness, shape.</summary>
    WebhookVerification Verify(WebhookRequest request);

    /// <summary>The answer the provider expects for how the webhook was handled.</summary>
    WebhookReply Reply(WebhookHandling handling);

    /// <summary>
    /// <see cref="Verify"/>, fetching what verification needs over the network (PayPal's signing certificate, cached
    /// after the first time). Prefer this one in request handlers.
    /// </summary>
    ValueTask<WebhookVerification> VerifyAsync(WebhookRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Verify(request));
}

/// <summary>
/// A provider call could not be made or was rejected before any money moved: not configured, unreachable, an
/// unsupported currency, a provider error code. <see cref="Code"/> is stable (UPPER_SNAKE) for userErrors;
/// <see cref="ProviderCode"/> is the provider's own code when it answered.
/// </summary>
public sealed class PaymentGatewayException(GatewayKind gateway, string code, string message, string? providerCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public GatewayKind Gateway { get; } = gateway;
    public string Code { get; } = code;
    public string? ProviderCode { get; } = providerCode;
}

/// <summary>The named HttpClient the adapters use (tests route it to an in-process server).</summary>
public static class PaymentGatewayHttpClients
{
    /// <summary>Calls to the providers' APIs (or their sandbox) and PayPal certificate downloads.</summary>
    public const string Providers = "payment-gateways";
}

/// <summary>The adapters by kind (registered by <c>AddPaymentGateways</c>).</summary>
public interface IPaymentGatewayRegistry
{
    IPaymentGateway Get(GatewayKind kind);
}
