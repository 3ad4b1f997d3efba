namespace GoShop.Payments.Domain;

/// <summary>
/// A provider notification that was verified and acted on, once: unique per (gateway, provider event id), so a replay
/// or a concurrent copy finds it and changes nothing.
/// </summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
    }

    public Guid Id { get; private set; }

    public PaymentGateway Gateway { get; private set; }

    public string ProviderEventId { get; private set; } = "";

    public string Reference { get; private set; } = "";

    public string Outcome { get; private set; } = "";

    public Guid? PaymentId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
