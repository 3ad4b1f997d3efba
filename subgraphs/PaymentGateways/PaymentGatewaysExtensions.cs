using GoShop.PaymentGateways.MoMo;
using GoShop.PaymentGateways.PayPal;
using GoShop.PaymentGateways.Stripe;
using GoShop.PaymentGateways.VnPay;
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
    /// options from <c>Payments:Gateways</c> and the named HttpClient <see cref="PaymentGatewayHttpClients.Providers"/>.
    /// A gateway in sandbox mode talks to the simulator of GoShop.PaymentGateways.Sandbox, which the host adds.
    /// </summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentGatewaysOptions>()
            .Bind(configuration.GetSection(PaymentGatewaysOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) => options.Resolve(environment.IsDevelopment()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(PaymentGatewayHttpClients.Providers, client => client.Timeout = TimeSpan.FromSeconds(30));

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

        return services;
    }
}
