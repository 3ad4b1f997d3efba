using System.Security.Cryptography;
using System.Text;
using GoShop.PaymentGateways.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace GoShop.PaymentGateways.Tests.Support;

/// <summary>Expected values computed here, apart from the library's own signing code.</summary>
internal static class Independent
{
    public static string HmacSha512(string key, string data)
    {
        using var hmac = new HMACSHA512(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(data))).ToLowerInvariant();
    }

    public static string HmacSha256(string key, string data)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(data))).ToLowerInvariant();
    }

    public static WebhookRequest Get(IReadOnlyDictionary<string, string> query, DateTimeOffset? at = null) =>
        new("GET", query, new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, at ?? SandboxHost.Start);

    public static WebhookRequest Post(string body, IReadOnlyDictionary<string, string>? headers = null, DateTimeOffset? at = null) =>
        new("POST", new Dictionary<string, string>(), headers ?? new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body), at ?? SandboxHost.Start);
}

/// <summary>The gateways without a server (for what needs no HTTP, or a stub handler for provider calls).</summary>
internal static class Gateways
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development",
        HttpMessageHandler? providers = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(SandboxHost.Start));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        services.AddPaymentGateways(configuration);
        services.AddPaymentGatewaySandboxSettings();
        if (providers is not null)
            services.AddHttpClient(PaymentGatewayHttpClients.Providers).ConfigurePrimaryHttpMessageHandler(() => providers);
        return services.BuildServiceProvider();
    }

    public static IPaymentGateway Get(this ServiceProvider services, GatewayKind kind) =>
        services.GetRequiredService<IPaymentGatewayRegistry>().Get(kind);
}
