using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.PaymentGateways;

namespace GoShop.Payments.Gateways;

/// <summary>
/// What a failed call to a provider means for us. The adapters throw <see cref="PaymentGatewayException"/> with a code;
/// a transport failure that escaped them counts as GATEWAY_UNAVAILABLE. Only GATEWAY_UNAVAILABLE is transient (worth
/// the same request again); every other code (PROVIDER_REJECTED, INVALID_AMOUNT, GATEWAY_NOT_CONFIGURED, ...) is final.
/// </summary>
public sealed record GatewayFailure(string Code, string? ProviderCode, string Detail)
{
    public const string Unavailable = "GATEWAY_UNAVAILABLE";
    public const string Rejected = "PROVIDER_REJECTED";

    public bool IsTransient => Code == Unavailable;

    /// <summary>What is kept on a record that failed: the code, and the provider's own code when it gave one.</summary>
    public string Reason => ProviderCode is null ? Code : $"{Code} ({ProviderCode})";

    /// <summary>The failure of <paramref name="exception"/>, or null when it is not a provider failure (a bug stays an exception).</summary>
    public static GatewayFailure? Of(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        PaymentGatewayException e => new GatewayFailure(e.Code, e.ProviderCode, e.Message),
        _ when InternalApi.IsUnreachable(exception, cancellationToken) => new GatewayFailure(Unavailable, null, "The provider could not be reached."),
        _ => null,
    };

    /// <summary>The buyer's userError: the adapter's code, with a message that says whether to retry.</summary>
    public DomainError ToError() => Code switch
    {
        Unavailable => new DomainError(Unavailable, "The payment provider did not answer; please try again shortly.", "gateway"),
        Rejected => new DomainError(Rejected, $"The payment provider refused the payment: {Detail}", "gateway"),
        _ => new DomainError(Code, $"The payment provider cannot take this payment ({Code}); please choose another way to pay.", "gateway"),
    };

    /// <summary>Whether a kept <see cref="Reason"/> was transient.</summary>
    public static bool IsTransientReason(string reason) => reason.StartsWith(Unavailable, StringComparison.Ordinal);

    /// <summary>The userError for a payment that failed earlier with <paramref name="reason"/> (<see cref="Reason"/>).</summary>
    public static DomainError ErrorFor(string reason)
    {
        var code = reason.Split(' ', 2)[0];
        return code == Rejected
            ? new DomainError(Rejected, "The payment provider refused this payment; start a new one with another idempotency key.", "gateway")
            : new GatewayFailure(code, null, reason).ToError();
    }
}
