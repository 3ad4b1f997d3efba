using Microsoft.Extensions.Configuration;

namespace GoShop.PaymentGateways;

/// <summary>
/// <c>Payments:Gateways</c>. Each provider has its own section (<c>Stripe</c>, <c>PayPal</c>, <c>VnPay</c>, <c>MoMo</c>)
/// with <c>Sandbox</c> (on by default in Development): in sandbox mode the adapter talks to the simulator that
/// GoShop.PaymentGateways.Sandbox serves under <c>{PublicBaseUrl}/sandbox/{provider}</c>, and missing credentials are
/// filled with the obviously fake <see cref="SandboxCredentials"/>. Real credentials come only from configuration or the environment
/// (<c>Payments__Gateways__Stripe__SecretKey</c>, ...), and are never logged.
/// </summary>
public sealed class PaymentGatewaysOptions
{
    public const string Section = "Payments:Gateways";

    /// <summary>Where browsers and the adapters reach this service (the sandbox lives under it).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:8006";

    public VnPayOptions VnPay { get; set; } = new();
    public MoMoOptions MoMo { get; set; } = new();
    public StripeOptions Stripe { get; set; } = new();
    public PayPalOptions PayPal { get; set; } = new();

    /// <summary>Some gateway plays its provider with the simulator, so the host must serve it.</summary>
    public bool AnySandbox => VnPay.IsSandbox || MoMo.IsSandbox || Stripe.IsSandbox || PayPal.IsSandbox;

    /// <summary>Where the simulator of <paramref name="provider"/> answers.</summary>
    public string SandboxBase(string provider) => $"{PublicBaseUrl.TrimEnd('/')}/sandbox/{provider}";

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

    /// <summary>Resolves Sandbox (default: <paramref name="development"/>), sandbox credentials and endpoints.</summary>
    internal void Resolve(bool development)
    {
        VnPay.Resolve(this, development);
        MoMo.Resolve(this, development);
        Stripe.Resolve(this, development);
        PayPal.Resolve(this, development);
    }
}

public abstract class GatewayOptions
{
    /// <summary>Play the provider with the built-in simulator. Unset: on in Development, off elsewhere.</summary>
    public bool? Sandbox { get; set; }

    /// <summary>Sandbox only: the webhook URL the simulator calls (default <c>{PublicBaseUrl}/webhooks/{provider}</c>),
    /// as the provider's merchant dashboard would hold it.</summary>
    public string? SandboxWebhookUrl { get; set; }

    public bool IsSandbox => Sandbox == true;

    /// <summary>Every credential the adapter needs is there.</summary>
    public abstract bool IsConfigured { get; }

    internal abstract string Name { get; }

    internal void Resolve(PaymentGatewaysOptions root, bool development)
    {
        Sandbox ??= development;
        if (IsSandbox)
        {
            SandboxWebhookUrl ??= $"{root.PublicBaseUrl.TrimEnd('/')}/webhooks/{Name}";
            UseSandbox(root.SandboxBase(Name));
        }
        else
        {
            UseLive();
        }
    }

    private protected abstract void UseSandbox(string sandboxBase);
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
    internal override string Name => "vnpay";

    private protected override void UseSandbox(string sandboxBase)
    {
        TmnCode ??= SandboxCredentials.VnPayTmnCode;
        HashSecret ??= SandboxCredentials.VnPayHashSecret;
        PaymentUrl ??= $"{sandboxBase}/paymentv2/vpcpay.html";
        ApiUrl ??= $"{sandboxBase}/merchant_webapi/api/transaction";
    }

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
    internal override string Name => "momo";

    private protected override void UseSandbox(string sandboxBase)
    {
        PartnerCode ??= SandboxCredentials.MoMoPartnerCode;
        AccessKey ??= SandboxCredentials.MoMoAccessKey;
        SecretKey ??= SandboxCredentials.MoMoSecretKey;
        ApiBase ??= sandboxBase;
    }

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

    public override bool IsConfigured => !string.IsNullOrEmpty(SecretKey) && !string.IsNullOrEmpty(WebhookSecret);
    internal override string Name => "stripe";

    private protected override void UseSandbox(string sandboxBase)
    {
        SecretKey ??= SandboxCredentials.StripeSecretKey;
        WebhookSecret ??= SandboxCredentials.StripeWebhookSecret;
        ApiBase ??= sandboxBase;
    }

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

    /// <summary>Hosts PayPal's signing certificates may come from (live mode).</summary>
    public IReadOnlyList<string> CertificateHosts { get; set; } = ["api.paypal.com", "api.sandbox.paypal.com"];

    public override bool IsConfigured =>
        !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret) && !string.IsNullOrEmpty(WebhookId) && VndPerUsd > 0;
    internal override string Name => "paypal";

    private protected override void UseSandbox(string sandboxBase)
    {
        ClientId ??= SandboxCredentials.PayPalClientId;
        ClientSecret ??= SandboxCredentials.PayPalClientSecret;
        WebhookId ??= SandboxCredentials.PayPalWebhookId;
        ApiBase ??= sandboxBase;
    }

    private protected override void UseLive() => ApiBase ??= "https://api-m.paypal.com";
}

/// <summary>
/// Credentials used only against the built-in sandbox when none are configured. They are deliberately fake: no
/// provider knows them, and the sandbox is the only party that checks them.
/// </summary>
public static class SandboxCredentials
{
    public const string VnPayTmnCode = "GSSANDBX";
    public const string VnPayHashSecret = "SANDBOX-ONLY-vnpay-hash-secret-not-a-real-key";
    public const string MoMoPartnerCode = "MOMOGOSHOPSANDBOX";
    public const string MoMoAccessKey = "sandbox-only-momo-access-key";
    public const string MoMoSecretKey = "SANDBOX-ONLY-momo-secret-key-not-a-real-key";
    public const string StripeSecretKey = "sk_test_goshop_sandbox_only_not_a_real_key";
    public const string StripeWebhookSecret = "whsec_goshop_sandbox_only_not_a_real_secret";
    public const string PayPalClientId = "goshop-sandbox-only-client-id";
    public const string PayPalClientSecret = "SANDBOX-ONLY-paypal-client-secret-not-real";
    public const string PayPalWebhookId = "WH-GOSHOP-SANDBOX-ONLY";
}
