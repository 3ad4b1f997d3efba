using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shops;
using GoShop.PaymentGateways;
using GoShop.Payments.Balances;
using GoShop.Payments.CashOnDelivery;
using GoShop.Payments.Charges;
using GoShop.Payments.Escrows;
using GoShop.Payments.Gateways;
using GoShop.Payments.GraphQL.Loaders;
using GoShop.Payments.GraphQL.Mutations;
using GoShop.Payments.Ledger;
using GoShop.Payments.Payouts;
using GoShop.Payments.Refunds;
using GoShop.Payments.SavedPaymentMethods;
using GoShop.Payments.Seed;
using GoShop.Payments.Webhooks;

namespace GoShop.Payments;

public static class PaymentsServices
{
    /// <summary>The payments domain's services, on top of what every subgraph has.</summary>
    public static WebApplicationBuilder AddPaymentsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<PaymentsOptions>().Bind(configuration.GetSection(PaymentsOptions.Section));
        services.AddInternalApiClient<OrderDirectory>(configuration);
        services.AddInternalApiClient<ShopDirectory>(configuration);
        services.AddHttpContextAccessor();

        services.AddPaymentGateways(configuration);
        services.AddSingleton<GatewayDirectory>();
        services.AddSingleton<PublicUrls>();
        // The sandbox and its callbacks live at this subgraph's public address unless the gateways are told otherwise.
        services.AddOptions<PaymentGatewaysOptions>().Configure<PublicUrls>((gateways, urls) =>
        {
            if (string.IsNullOrWhiteSpace(configuration[$"{PaymentGatewaysOptions.Section}:{nameof(PaymentGatewaysOptions.PublicBaseUrl)}"]))
                gateways.PublicBaseUrl = urls.BaseUrl;
        });
        services.AddScoped<PaymentStarter>();
        services.AddScoped<PaymentCapture>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<RefundDesk>();
        services.AddScoped<ShopBalances>();
        services.AddScoped<DisputeResolutions>();
        services.AddScoped<EscrowReleases>();
        services.AddScoped<EscrowDesk>();
        services.AddScoped<CodSettlements>();
        services.AddScoped<PaymentMethodWallet>();
        services.AddScoped<WebhookHandler>();
        services.AddSingleton<PaymentsSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentsSweeper>());

        services.AddScoped<PaymentByIdLoader>();
        services.AddScoped<PaymentByOrderLoader>();
        services.AddScoped<EscrowByOrderLoader>();
        services.AddScoped<RefundsByPaymentLoader>();
        services.AddScoped<DisputesByOrderLoader>();

        services.AddScoped<PaymentMutations>();
        services.AddScoped<EscrowMutations>();
        services.AddScoped<PayoutMutations>();
        services.AddScoped<PayoutDesk>();
        services.AddScoped<IDemoDataSeeder, PaymentsDemoData>();
        services.AddScoped<PaymentMethodMutations>();
        return builder;
    }
}
