namespace GoShop.Analytics.Domain;

/// <summary>
/// One payment attempt and how it ended, for success rates by gateway and method. Both come with the event that ended
/// it; a failure published before PaymentFailed carried them has neither, so its method is read from its order when
/// reported (the order may arrive later) and its gateway stays UNKNOWN.
/// </summary>
public sealed class PaymentFact
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string UnknownGateway = "UNKNOWN";

    private PaymentFact()
    {
    }

    public Guid PaymentId { get; private set; }

    public string Status { get; private set; } = "";

    public string Gateway { get; private set; } = UnknownGateway;

    /// <summary>The method as the payment's own event named it; empty for a failure that did not name it (see <see cref="OrderId"/>).</summary>
    public string Method { get; private set; } = "";

    /// <summary>The (first) order paid for, whose payment method a failure reports the attempt under.</summary>
    public Guid? OrderId { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static PaymentFact Start(Guid paymentId, Guid? orderId, DateTimeOffset occurredAt) =>
        new() { PaymentId = paymentId, OrderId = orderId, OccurredAt = occurredAt };

    /// <summary>A payment succeeds for good: a failure reported after it (out of order) does not undo it.</summary>
    public void Succeed(string gateway, string method, decimal amount, DateTimeOffset occurredAt)
    {
        Status = Succeeded;
        Gateway = gateway;
        Method = method;
        Amount = amount;
        OccurredAt = occurredAt;
    }

    /// <summary>A payment fails, under the gateway and method its event names (null: an older event that named neither).</summary>
    public void Fail(string? gateway, string? method, DateTimeOffset occurredAt)
    {
        if (Status == Succeeded)
            return;
        Status = Failed;
        Gateway = string.IsNullOrEmpty(gateway) ? Gateway : gateway;
        Method = string.IsNullOrEmpty(method) ? Method : method;
        OccurredAt = occurredAt;
    }
}
