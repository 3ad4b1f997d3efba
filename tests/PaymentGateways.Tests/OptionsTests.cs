using System.Net;
using GoShop.PaymentGateways.Sandbox;
using GoShop.PaymentGateways.Tests.Support;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Tests;

public class OptionsTests
{
    private static PaymentGatewaysOptions Options(ServiceProvider services) => services.GetRequiredService<IOptionsMonitor<PaymentGatewaysOptions>>().CurrentValue;

    [Fact]
    public void In_development_every_gateway_plays_the_sandbox_with_its_fake_credentials()
    {
        using var services = Gateways.Build();
        var o = Options(services);

        Assert.True(o.VnPay.IsSandbox && o.MoMo.IsSandbox && o.Stripe.IsSandbox && o.PayPal.IsSandbox);
        Assert.Equal((SandboxCredentials.VnPayTmnCode, "http://localhost:8006/sandbox/vnpay/paymentv2/vpcpay.html"), (o.VnPay.TmnCode, o.VnPay.PaymentUrl));
        Assert.Equal((SandboxCredentials.StripeSecretKey, "http://localhost:8006/sandbox/stripe"), (o.Stripe.SecretKey, o.Stripe.ApiBase));
        Assert.Equal("http://localhost:8006/webhooks/paypal", o.PayPal.SandboxWebhookUrl);
        Assert.Equal("http://localhost:8006/sandbox/momo", o.MoMo.ApiBase);
    }

    [Fact]
    public async Task Elsewhere_gateways_are_live_and_without_configured_credentials_refuse_to_work()
    {
        using var services = Gateways.Build(environment: "Production");
        var o = Options(services);

        Assert.False(o.VnPay.IsSandbox || o.MoMo.IsSandbox || o.Stripe.IsSandbox || o.PayPal.IsSandbox);
        Assert.Equal(("https://api.stripe.com", null), (o.Stripe.ApiBase, o.Stripe.SecretKey));
        Assert.Equal("https://api-m.paypal.com", o.PayPal.ApiBase);
        Assert.Equal("https://pay.vnpay.vn/vpcpay.html", o.VnPay.PaymentUrl);
        foreach (var kind in Enum.GetValues<GatewayKind>())
        {
            var gateway = services.Get(kind);
            var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CreateChargeAsync(Charges.Request(kind), default));
            Assert.Equal("GATEWAY_NOT_CONFIGURED", error.Code);
            Assert.Equal("NOT_CONFIGURED", Assert.IsType<WebhookVerification.Refused>(await gateway.VerifyAsync(Independent.Post("{}"), default)).Reason);
        }
    }

    [Fact]
    public void Configured_credentials_and_switches_win_over_the_defaults()
    {
        using var services = Gateways.Build(new Dictionary<string, string?>
        {
            ["Payments:Gateways:PublicBaseUrl"] = "https://pay.goshop.test/",
            ["Payments:Gateways:VnPay:HashSecret"] = "configured-secret",
            ["Payments:Gateways:Stripe:Sandbox"] = "false",
            ["Payments:Gateways:Stripe:SecretKey"] = "sk_test_configured",
            ["Payments:Gateways:Stripe:WebhookSecret"] = "whsec_configured",
            ["Payments:Gateways:PayPal:VndPerUsd"] = "26000",
        });
        var o = Options(services);

        Assert.Equal(("configured-secret", SandboxCredentials.VnPayTmnCode), (o.VnPay.HashSecret, o.VnPay.TmnCode));
        Assert.Equal("https://pay.goshop.test/sandbox/vnpay/paymentv2/vpcpay.html", o.VnPay.PaymentUrl);
        Assert.Equal((false, "sk_test_configured", "https://api.stripe.com"), (o.Stripe.IsSandbox, o.Stripe.SecretKey, o.Stripe.ApiBase));
        Assert.Equal(26_000m, o.PayPal.VndPerUsd);
    }

    [Fact]
    public void The_registry_has_the_four_adapters()
    {
        using var services = Gateways.Build();

        foreach (var kind in Enum.GetValues<GatewayKind>())
            Assert.Equal(kind, services.Get(kind).Kind);
    }

    [Fact]
    public async Task A_host_whose_gateways_all_talk_to_their_providers_has_no_sandbox_at_all()
    {
        await using var host = await SandboxHost.StartAsync(environment: "Production");

        var deliveries = await host.Browser.GetAsync("/sandbox/deliveries");
        var vnpay = await host.Browser.GetAsync("/sandbox/vnpay/paymentv2/vpcpay.html?vnp_TxnRef=1");

        Assert.Null(host.App.Services.GetService<SandboxCallbacks>());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deliveries.StatusCode, vnpay.StatusCode));
    }

    [Fact]
    public async Task A_gateway_that_is_not_in_sandbox_mode_has_no_sandbox_routes()
    {
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?>
        {
            ["Payments:Gateways:VnPay:Sandbox"] = "false",
            ["Payments:Gateways:VnPay:TmnCode"] = "LIVE0001",
            ["Payments:Gateways:VnPay:HashSecret"] = "live-secret",
        });

        var vnpay = await host.Browser.GetAsync("/sandbox/vnpay/paymentv2/vpcpay.html?vnp_TxnRef=1");
        var momo = await host.Browser.GetAsync("/sandbox/momo/pay?t=unknown");

        Assert.Equal(HttpStatusCode.NotFound, vnpay.StatusCode);
        Assert.Contains("No such payment", await momo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
