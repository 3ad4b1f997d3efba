using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;

namespace GoShop.Payments.Domain;

public enum RefundStatus
{
    [Description("Asked for and not confirmed yet: the provider has not answered, said it is processing it, or could not be reached "
        + "(GoShop sends it again every few minutes).")]
    Pending,

    [Description("The money went back to the buyer.")]
    Succeeded,

    [Description("The provider refused it (see failureReason); nothing went back.")]
    Failed,
}

/// <summary>
/// Money given back for one order of a payment, to the original method, through the payment's gateway. Its id is our
/// refund reference at the provider and is derived from the payment and the idempotency key, so a retried refund (after
/// a crash between the provider's answer and our commit) reaches the provider with the same reference.
/// </summary>
public sealed class Refund
{
    public const int MaxReason = 500;

    private Refund()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public Guid OrderId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    public decimal ProviderAmount { get; private set; }

    public string? ProviderCurrency { get; private set; }

    public string Reason { get; private set; } = "";

    public string IdempotencyKey { get; private set; } = "";

    /// <summary>The order's return this refund pays for (a return received at the shop); null for any other refund.</summary>
    public Guid? ReturnId { get; private set; }

    /// <summary>Who asked (a seller or an admin); none when GoShop refunded by itself (a cancellation, a received return).</summary>
    public Guid? RequestedBy { get; private set; }

    public RefundStatus Status { get; private set; }

    public string? ProviderTransactionId { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When it was last sent to the provider; none while it waits to be sent.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public string Reference => Id.ToString("N");

    public static Refund Request(Payment payment, Guid orderId, decimal amount, string reason, string idempotencyKey, Guid? requestedBy, DateTimeOffset at,
        Guid? returnId = null) => new()
    {
        Id = IdFor(payment.Id, idempotencyKey),
        PaymentId = payment.Id,
        OrderId = orderId,
        Amount = amount,
        Currency = payment.Currency,
        ProviderAmount = payment.ProviderShare(amount),
        ProviderCurrency = payment.ProviderCurrency ?? payment.Currency,
        Reason = reason,
        IdempotencyKey = idempotencyKey,
        RequestedBy = requestedBy,
        ReturnId = returnId,
        Status = RefundStatus.Pending,
        CreatedAt = at,
    };

    public void Succeed(string? providerTransactionId, DateTimeOffset at)
    {
        Status = RefundStatus.Succeeded;
        ProviderTransactionId = providerTransactionId ?? ProviderTransactionId;
        CompletedAt = at;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Status = RefundStatus.Failed;
        FailureReason = reason;
        CompletedAt = at;
    }

    public void MarkSent(DateTimeOffset at) => SentAt = at;

    public void AcceptedByProvider(string? providerTransactionId) => ProviderTransactionId = providerTransactionId;

    /// <summary>The refund's id, named by its payment and idempotency key: the same request always finds the same refund.</summary>
    public static Guid IdFor(Guid paymentId, string idempotencyKey) => NameBasedId.From($"{paymentId:N}:{idempotencyKey}");
}
