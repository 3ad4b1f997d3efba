using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Points every gateway in sandbox mode at its simulator under <c>{PublicBaseUrl}/sandbox/{provider}</c>, with
/// <see cref="SandboxCredentials"/> where none are configured and the webhook the simulator calls back. Runs after the
/// adapters resolved their options, and leaves gateways out of sandbox mode alone; configured values always win.
/// </summary>
internal sealed class SandboxSettings : IPostConfigureOptions<PaymentGatewaysOptions>
{
    public static string BaseOf(PaymentGatewaysOptions options, string provider) =>
        $"{options.PublicBaseUrl.TrimEnd('/')}/sandbox/{provider}";

    public void PostConfigure(string? name, PaymentGatewaysOptions options)
    {
        if (options.VnPay is { IsSandbox: true } vnpay)
        {
            var sandbox = Play(options, vnpay, "vnpay");
            vnpay.TmnCode ??= SandboxCredentials.VnPayTmnCode;
            vnpay.HashSecret ??= SandboxCredentials.VnPayHashSecret;
            vnpay.PaymentUrl ??= $"{sandbox}/paymentv2/vpcpay.html";
            vnpay.ApiUrl ??= $"{sandbox}/merchant_webapi/api/transaction";
        }
        if (options.MoMo is { IsSandbox: true } momo)
        {
            var sandbox = Play(options, momo, "momo");
            momo.PartnerCode ??= SandboxCredentials.MoMoPartnerCode;
            momo.AccessKey ??= SandboxCredentials.MoMoAccessKey;
            momo.SecretKey ??= SandboxCredentials.MoMoSecretKey;
            momo.ApiBase ??= sandbox;
        }
        if (options.Stripe is { IsSandbox: true } stripe)
        {
            var sandbox = Play(options, stripe, "stripe");
            stripe.SecretKey ??= SandboxCredentials.StripeSecretKey;
            stripe.WebhookSecret ??= SandboxCredentials.StripeWebhookSecret;
            stripe.ApiBase ??= sandbox;
            stripe.CheckoutPageUrl ??= $"{stripe.ApiBase.TrimEnd('/')}/checkout";
        }
        if (options.PayPal is { IsSandbox: true } paypal)
        {
            var sandbox = Play(options, paypal, "paypal");
            paypal.ClientId ??= SandboxCredentials.PayPalClientId;
            paypal.ClientSecret ??= SandboxCredentials.PayPalClientSecret;
            paypal.WebhookId ??= SandboxCredentials.PayPalWebhookId;
            paypal.ApiBase ??= sandbox;
            paypal.CertificateBaseUrl ??= paypal.ApiBase;
        }
    }

    private static string Play(PaymentGatewaysOptions options, GatewayOptions gateway, string provider)
    {
        gateway.SandboxWebhookUrl ??= $"{options.PublicBaseUrl.TrimEnd('/')}/webhooks/{provider}";
        return BaseOf(options, provider);
    }
}
