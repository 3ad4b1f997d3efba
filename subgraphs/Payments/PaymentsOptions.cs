namespace GoShop.Payments;

/// <summary>Configuration section <c>Payments</c> (the adapters' own settings are under <c>Payments:Gateways</c>).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Payments";

    /// <summary>
    /// Where providers and browsers reach this subgraph from outside (the webhooks and the return page), e.g.
    /// https://pay.goshop.vn. Empty: the first address the server listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Where the provider sends the buyer's browser after paying, <c>{paymentId}</c> standing for the payment's id (the
    /// storefront's <c>http://127.0.0.1:8000/payments/{paymentId}/return</c> under <c>make up</c>); empty: this
    /// subgraph's own return page.
    /// </summary>
    public string? ReturnUrl { get; set; }

    /// <summary>How long after delivery held money is released to the shop when the buyer does not confirm receipt first.</summary>
    public TimeSpan EscrowReleaseAfterDelivery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The platform's commission on what is released to a shop, e.g. 0.05 for 5 %.</summary>
    public decimal CommissionRate { get; set; } = 0.05m;

    /// <summary>How often due escrows are released and queued refunds sent; zero turns the background sweep off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many webhook calls one client address may make to one provider's endpoint per minute.</summary>
    public int WebhookRateLimitPerMinute { get; set; } = 600;
}
