using GoShop.PaymentGateways.MoMo;
using GoShop.PaymentGateways.PayPal;
using GoShop.PaymentGateways.Sandbox;
using GoShop.PaymentGateways.Stripe;
using GoShop.PaymentGateways.VnPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways;

public static class PaymentGatewaysExtensions
{
    /// <summary>
    /// The four adapters (singletons, also as <see cref="IPaymentGateway"/>), <see cref="IPaymentGatewayRegistry"/>,
    /// options from <c>Payments:Gateways</c>, the named HttpClients <see cref="PaymentGatewayHttpClients.Providers"/>
    /// and <see cref="PaymentGatewayHttpClients.SandboxCallbacks"/>, and the sandbox (used only for gateways in
    /// sandbox mode; its endpoints are mapped by <see cref="MapPaymentGatewaySandbox"/>).
    /// </summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentGatewaysOptions>()
            .Bind(configuration.GetSection(PaymentGatewaysOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) => options.Resolve(environment.IsDevelopment()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(PaymentGatewayHttpClients.Providers, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(PaymentGatewayHttpClients.SandboxCallbacks, client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddSingleton<PayPalCertificates>();
        services.AddSingleton<VnPayGateway>();
        services.AddSingleton<MoMoGateway>();
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<PayPalGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<VnPayGateway>());
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<MoMoGateway>());
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<StripeGateway>());
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<PayPalGateway>());
        services.AddSingleton<IPaymentGatewayRegistry, PaymentGatewayRegistry>();

        services.AddSingleton<SandboxCallbacks>();
        services.AddHostedService<SandboxCallbackDispatcher>();
        services.AddSingleton<VnPaySandbox>();
        services.AddSingleton<MoMoSandbox>();
        services.AddSingleton<StripeSandbox>();
        services.AddSingleton<PayPalSandbox>();
        return services;
    }

    /// <summary>
    /// The offline providers under <c>/sandbox/{vnpay|momo|stripe|paypal}/...</c> (anonymous; a provider's routes
    /// answer 404 unless that gateway is in sandbox mode), and <c>GET /sandbox/deliveries</c>: the last callbacks sent.
    /// </summary>
    public static IEndpointRouteBuilder MapPaymentGatewaySandbox(this IEndpointRouteBuilder endpoints)
    {
        var sandbox = endpoints.MapGroup("/sandbox").AllowAnonymous().ExcludeFromDescription();
        VnPaySandbox.Map(Provider(sandbox, "vnpay", o => o.VnPay));
        MoMoSandbox.Map(Provider(sandbox, "momo", o => o.MoMo));
        StripeSandbox.Map(Provider(sandbox, "stripe", o => o.Stripe));
        PayPalSandbox.Map(Provider(sandbox, "paypal", o => o.PayPal));
        sandbox.MapGet("/deliveries", (SandboxCallbacks callbacks, IOptionsMonitor<PaymentGatewaysOptions> options) =>
            options.CurrentValue is { VnPay.IsSandbox: false, MoMo.IsSandbox: false, Stripe.IsSandbox: false, PayPal.IsSandbox: false }
                ? Results.NotFound()
                : Results.Json(callbacks.Deliveries));
        return endpoints;
    }

    private static RouteGroupBuilder Provider(RouteGroupBuilder sandbox, string name, Func<PaymentGatewaysOptions, GatewayOptions> gateway)
    {
        var group = sandbox.MapGroup("/" + name);
        group.AddEndpointFilter(async (context, next) =>
            gateway(context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<PaymentGatewaysOptions>>().CurrentValue).IsSandbox
                ? await next(context)
                : Results.NotFound());
        return group;
    }
}
