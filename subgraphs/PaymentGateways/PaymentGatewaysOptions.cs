using Microsoft.Extensions.Configuration;

namespace GoShop.PaymentGateways;

/// <summary>
/// <c>Payments:Gateways</c>. Each provider has its own section (<c>Stripe</c>, <c>PayPal</c>, <c>VnPay</c>, <c>MoMo</c>)
/// with <c>Sandbox</c> (on by default in Development). Out of sandbox mode an unset endpoint is the provider's live one;
/// in sandbox mode the endpoints and any missing credentials are the simulator's, filled in by
/// GoShop.PaymentGateways.Sandbox, which the host adds then. Real credentials come only from configuration or the
/// environment (<c>Payments__Gateways__Stripe__SecretKey</c>, ...), and are never logged.
/// </summary>
public sealed class PaymentGatewaysOptions
{
    public const string Section = "Payments:Gateways";

    /// <summary>Where browsers and the providers reach this service (in sandbox mode, the simulator lives under it).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:8006";

    public VnPayOptions VnPay { get; set; } = new();
    public MoMoOptions MoMo { get; set; } = new();
    public StripeOptions Stripe { get; set; } = new();
    public PayPalOptions PayPal { get; set; } = new();

    /// <summary>Some gateway plays its provider with the simulator, so the host must serve it.</summary>
    public bool AnySandbox => VnPay.IsSandbox || MoMo.IsSandbox || Stripe.IsSandbox || PayPal.IsSandbox;

    /// <summary>
    /// The options as the adapters will see them, read straight from configuration: for deciding at start what to
    /// wire, before the container exists.
    /// </summary>
    public static PaymentGatewaysOptions Read(IConfiguration configuration, bool development)
    {
        var options = new PaymentGatewaysOptions();
        configuration.GetSection(Section).Bind(options);
        options.Resolve(development);
        return options;
    }

    /// <summary>Resolves Sandbox (default: <paramref name="development"/>) and, out of sandbox mode, the live endpoints.</summary>
    internal void Resolve(bool development)
    {
        VnPay.Resolve(development);
        MoMo.Resolve(development);
        Stripe.Resolve(development);
        PayPal.Resolve(development);
    }
}

public abstract class GatewayOptions
{
    /// <summary>Play the provider with the offline simulator. Unset: on in Development, off elsewhere.</summary>
    public bool? Sandbox { get; set; }

    /// <summary>Sandbox only: the webhook URL the simulator calls (default <c>{PublicBaseUrl}/webhooks/{provider}</c>),
    /// as the provider's merchant dashboard would hold it. Read by the simulator, never by the adapter.</summary>
    public string? SandboxWebhookUrl { get; set; }

    public bool IsSandbox => Sandbox == true;

    /// <summary>Every credential the adapter needs is there.</summary>
    public abstract bool IsConfigured { get; }

    internal void Resolve(bool development)
    {
        Sandbox ??= development;
        if (!IsSandbox)
            UseLive();
    }

    private protected abstract void UseLive();
}

/// <summary>VNPay (API 2.1.0).</summary>
public sealed class VnPayOptions : GatewayOptions
{
    public string? TmnCode { get; set; }
    public string? HashSecret { get; set; }
    /// <summary>The payment page (live: https://pay.vnpay.vn/vpcpay.html).</summary>
    public string? PaymentUrl { get; set; }
    /// <summary>The merchant API for refunds (live: https://merchant.vnpay.vn/merchant_webapi/api/transaction).</summary>
    public string? ApiUrl { get; set; }
    public string OrderType { get; set; } = "other";
    public string Locale { get; set; } = "vn";
    /// <summary>vnp_ExpireDate = create time + this.</summary>
    public int ExpireMinutes { get; set; } = 15;
    /// <summary>vnp_IpAddr of our refund calls.</summary>
    public string ServerIp { get; set; } = "127.0.0.1";

    public override bool IsConfigured => !string.IsNullOrEmpty(TmnCode) && !string.IsNullOrEmpty(HashSecret);

    private protected override void UseLive()
    {
        PaymentUrl ??= "https://pay.vnpay.vn/vpcpay.html";
        ApiUrl ??= "https://merchant.vnpay.vn/merchant_webapi/api/transaction";
    }
}

/// <summary>MoMo (all-in-one v2, captureWallet).</summary>
public sealed class MoMoOptions : GatewayOptions
{
    public string? PartnerCode { get; set; }
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    /// <summary>Live: https://payment.momo.vn (MoMo's own test environment: https://test-payment.momo.vn).</summary>
    public string? ApiBase { get; set; }
    public string Lang { get; set; } = "vi";

    public override bool IsConfigured =>
        !string.IsNullOrEmpty(PartnerCode) && !string.IsNullOrEmpty(AccessKey) && !string.IsNullOrEmpty(SecretKey);

    private protected override void UseLive() => ApiBase ??= "https://payment.momo.vn";
}

/// <summary>Stripe (PaymentIntents through Stripe.net).</summary>
public sealed class StripeOptions : GatewayOptions
{
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Live: https://api.stripe.com.</summary>
    public string? ApiBase { get; set; }
    /// <summary>How old a Stripe-Signature timestamp may be (either way).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// A page that collects a PaymentIntent in the browser: when set, a charge answers a redirect to
    /// <c>{CheckoutPageUrl}/{intent id}?client_secret=…&amp;return_url=…</c>. Live Stripe has none (the frontend collects
    /// with Stripe.js and the client secret); the sandbox sets its own.
    /// </summary>
    public string? CheckoutPageUrl { get; set; }

    public override bool IsConfigured => !string.IsNullOrEmpty(SecretKey) && !string.IsNullOrEmpty(WebhookSecret);

    private protected override void UseLive() => ApiBase ??= "https://api.stripe.com";
}

/// <summary>PayPal (Orders v2).</summary>
public sealed class PayPalOptions : GatewayOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? WebhookId { get; set; }
    /// <summary>Live: https://api-m.paypal.com (PayPal's own sandbox: https://api-m.sandbox.paypal.com).</summary>
    public string? ApiBase { get; set; }
    /// <summary>PayPal does not take VND: amounts are converted to USD at this rate (2 decimals).</summary>
    public decimal VndPerUsd { get; set; } = 25_000m;

    /// <summary>Hosts PayPal's signing certificates may come from, over https (live mode).</summary>
    public IReadOnlyList<string> CertificateHosts { get; set; } = ["api.paypal.com", "api.sandbox.paypal.com"];

    /// <summary>
    /// When set, signing certificates come only from under this URL, whatever its scheme and port, instead of
    /// <see cref="CertificateHosts"/>: the sandbox sets its own base, which is plain HTTP on this machine.
    /// </summary>
    public string? CertificateBaseUrl { get; set; }

    public override bool IsConfigured =>
        !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret) && !string.IsNullOrEmpty(WebhookId) && VndPerUsd > 0;

    private protected override void UseLive() => ApiBase ??= "https://api-m.paypal.com";
}
