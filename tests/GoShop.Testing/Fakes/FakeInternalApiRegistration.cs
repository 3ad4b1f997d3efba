using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace GoShop.Testing.Fakes;

public static class FakeInternalApiRegistration
{
    /// <summary>
    /// Sends the typed internal-API client's requests to a fake instead of the network, keeping the client, its key and
    /// its retries. The retries do not wait: their delays run on the TimeProvider, which tests may hold still.
    /// </summary>
    public static IServiceCollection UseFakeInternalApi<TClient>(this IServiceCollection services, HttpMessageHandler fake) where TClient : class
    {
        services.AddHttpClient<TClient>().ConfigurePrimaryHttpMessageHandler(() => fake);
        services.Configure<HttpStandardResilienceOptions>(typeof(TClient).Name + "-standard", options => options.Retry.Delay = TimeSpan.Zero);
        return services;
    }
}
