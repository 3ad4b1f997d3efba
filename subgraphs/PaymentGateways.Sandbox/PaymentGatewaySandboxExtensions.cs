using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoShop.PaymentGateways.Sandbox;

/// <summary>
/// Wires the sandbox into a host that already has the adapters (<c>AddPaymentGateways</c>), only when some gateway is
/// in sandbox mode at start: a host whose gateways all talk to the real providers neither registers nor maps it.
/// </summary>
public static class PaymentGatewaySandboxExtensions
{
    /// <summary>
    /// The four simulators, <see cref="SandboxCallbacks"/> with its dispatcher and the
    /// <see cref="SandboxCallbacks.HttpClientName"/> client, and <see cref="AddPaymentGatewaySandboxSettings"/>, when
    /// <c>Payments:Gateways:{Provider}:Sandbox</c> is on for any provider (unset: on in Development). Answers whether it
    /// added them.
    /// </summary>
    public static bool AddPaymentGatewaySandbox(this IHostApplicationBuilder builder)
    {
        if (!PaymentGatewaysOptions.Read(builder.Configuration, builder.Environment.IsDevelopment()).AnySandbox)
            return false;
        var services = builder.Services;
        services.AddPaymentGatewaySandboxSettings();
        services.AddHttpClient(SandboxCallbacks.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SandboxCallbacks>();
        services.AddHostedService<SandboxCallbackDispatcher>();
        services.AddSingleton<VnPaySandbox>();
        services.AddSingleton<MoMoSandbox>();
        services.AddSingleton<StripeSandbox>();
        services.AddSingleton<PayPalSandbox>();
        return true;
    }

    /// <summary>
    /// Points the gateways in sandbox mode at their simulators, with <see cref="SandboxCredentials"/> where none are
    /// configured. On its own for code that signs and verifies as the sandbox does without serving it.
    /// </summary>
    public static IServiceCollection AddPaymentGatewaySandboxSettings(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PaymentGatewaysOptions>, SandboxSettings>());
        return services;
    }

    /// <summary>
    /// The offline providers under <c>/sandbox/{vnpay|momo|stripe|paypal}/...</c> (anonymous; a provider's routes
    /// answer 404 unless that gateway is in sandbox mode), and <c>GET /sandbox/deliveries</c>: the last callbacks sent.
    /// Maps nothing when <see cref="AddPaymentGatewaySandbox"/> did not add the sandbox.
    /// </summary>
    public static IEndpointRouteBuilder MapPaymentGatewaySandbox(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SandboxCallbacks>() is null)
            return endpoints;
        var sandbox = endpoints.MapGroup("/sandbox").AllowAnonymous().ExcludeFromDescription();
        VnPaySandbox.Map(Provider(sandbox, "vnpay", o => o.VnPay));
        MoMoSandbox.Map(Provider(sandbox, "momo", o => o.MoMo));
        StripeSandbox.Map(Provider(sandbox, "stripe", o => o.Stripe));
        PayPalSandbox.Map(Provider(sandbox, "paypal", o => o.PayPal));
        sandbox.MapGet("/deliveries", (SandboxCallbacks callbacks, IOptionsMonitor<PaymentGatewaysOptions> options) =>
            options.CurrentValue.AnySandbox ? Results.Json(callbacks.Deliveries) : Results.NotFound());
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
