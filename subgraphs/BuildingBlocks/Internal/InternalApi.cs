using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GoShop.BuildingBlocks.Internal;

/// <summary>
/// Service-to-service HTTP between subgraphs (configuration section <c>InternalApi</c>): reservations, coupon
/// pricing, media lookups. These routes live under <c>/internal</c>, which the gateway never forwards, and every
/// call must carry the shared key in <see cref="KeyHeader"/>.
/// </summary>
public sealed class InternalApiOptions
{
    public const string Section = "InternalApi";

    public const string KeyHeader = "X-GoShop-Internal-Key";

    /// <summary>The shared secret. Development uses a well-known default; set a real one in production.</summary>
    public string Key { get; set; } = "";

    /// <summary>The key development machines share; refused outside Development.</summary>
    public const string DevelopmentKey = "goshop-internal-development-key";

    /// <summary>Where each subgraph's internal API answers, by subgraph name; unset: <see cref="Subgraph.LoopbackAddress"/>.</summary>
    public Dictionary<string, string> Services { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

public static class InternalApi
{
    /// <summary>The route group every internal endpoint of a subgraph hangs off: <c>/internal</c>, key-checked.</summary>
    public static RouteGroupBuilder MapInternalApi(this WebApplication app)
    {
        var group = app.MapGroup("/internal");
        group.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<InternalApiOptions>>().Value;
            if (string.IsNullOrEmpty(options.Key))
                return Results.Problem("The internal API key is not configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
            var presented = context.HttpContext.Request.Headers[InternalApiOptions.KeyHeader].ToString();
            return KeysMatch(presented, options.Key)
                ? await next(context)
                : Results.Problem("A valid internal API key is required.", statusCode: StatusCodes.Status401Unauthorized);
        });
        return group;
    }

    /// <summary>
    /// Registers a typed client of another subgraph's internal API: base address from
    /// <c>InternalApi:Services:{subgraph}</c> (<c>InternalApi__Services__catalog=http://catalog:8003</c> in
    /// docker-compose.yml), else <see cref="Subgraph.LoopbackAddress"/> of the client's <see cref="IInternalApiClient.Owner"/>;
    /// the shared key on every request, a per-attempt timeout and retries for transient failures. Internal endpoints are
    /// idempotent by contract, so retrying a POST is safe.
    /// </summary>
    public static IHttpClientBuilder AddInternalApiClient<TClient>(this IServiceCollection services, IConfiguration configuration)
        where TClient : class, IInternalApiClient
    {
        AddInternalApiOptions(services, configuration);
        var subgraph = TClient.Owner;
        var builder = services.AddHttpClient<TClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<InternalApiOptions>>().Value;
            client.BaseAddress = options.Services.TryGetValue(subgraph.Name, out var configured)
                ? new Uri(configured.TrimEnd('/') + "/")
                : subgraph.LoopbackAddress;
            client.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, options.Key);
        });
        builder.AddStandardResilienceHandler(resilience =>
        {
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
            resilience.Retry.MaxRetryAttempts = 2;
        });
        return builder;
    }

    /// <summary>
    /// Calls another subgraph's internal API. When that subgraph cannot answer (<see cref="IsUnreachable"/>), logs a
    /// warning saying what was asked (the call's own text unless given) and answers <paramref name="unavailable"/>, the
    /// caller's "try again shortly" userError; any other failure stays an exception.
    /// </summary>
    public static async Task<Result<T>> CallAsync<T>(
        Func<Task<T>> call, DomainError unavailable, ILogger logger, CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(call))] string asking = "")
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Could not {Asking}: the other subgraph did not answer ({Code})", asking, unavailable.Code);
            return unavailable;
        }
    }

    /// <summary>
    /// Whether a call to another subgraph failed because that subgraph could not answer in time (refused, broken, timed
    /// out after the retries), as opposed to the caller's own request being aborted. Such a failure is the caller's
    /// "try again shortly" userError, not a server fault.
    /// </summary>
    public static bool IsUnreachable(Exception exception, CancellationToken callerAborted) => exception switch
    {
        // BrokenCircuitException: it failed so often lately that calls are not even tried for a while.
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException => true,
        TaskCanceledException => !callerAborted.IsCancellationRequested,
        _ => false,
    };

    internal static void AddInternalApiOptions(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<InternalApiOptions>().Bind(configuration.GetSection(InternalApiOptions.Section));

    private static bool KeysMatch(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
