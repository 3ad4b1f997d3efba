namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Credentials used only against the sandbox when none are configured. They are deliberately fake: no provider knows
/// them, and the sandbox is the only party that checks them.
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
