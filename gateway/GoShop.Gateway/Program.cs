using System.Text.Encodings.Web;
using System.Text.Unicode;
using GoShop.BuildingBlocks.GraphQL;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.BuildingBlocks.Health;
using GoShop.BuildingBlocks.Hosting;
using GoShop.BuildingBlocks.Telemetry;
using GoShop.Gateway;
using GoShop.Gateway.Execution;
using GoShop.Gateway.Hosting;
using GoShop.Gateway.Supergraph;
using GoShop.Gateway.Transport;
using GoShop.Gateway.Validation;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var services = builder.Services;

// The gateway's address: GOSHOP_GATEWAY_HOST and GOSHOP_GATEWAY_PORT, as Hive Gateway reads them (or --urls).
if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
{
    var host = Environment.GetEnvironmentVariable("GOSHOP_GATEWAY_HOST") ?? "127.0.0.1";
    var port = Environment.GetEnvironmentVariable("GOSHOP_GATEWAY_PORT") ?? "8000";
    builder.WebHost.UseUrls($"http://{host}:{port}");
}
if (Environment.GetEnvironmentVariable("GOSHOP_SUPERGRAPH") is { Length: > 0 } supergraphFile)
    configuration[$"{GatewayOptions.Section}:Supergraph"] = supergraphFile;

builder.AddGoShopLogging();
services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section));
services.AddOptions<GraphQLHttpOptions>().Bind(configuration.GetSection(GraphQLHttpOptions.Section));
services.AddOptions<BananaCakePopOptions>().Bind(configuration.GetSection(BananaCakePopOptions.Section));
services.AddOptions<WebAppsOptions>().Bind(configuration.GetSection(WebAppsOptions.Section));
services.AddHttpContextAccessor();
services.AddSingleton<SupergraphSource>();
services.AddSingleton<GatewayTelemetry>();
services.AddSingleton<GraphQLHttpEndpoint>();
services.AddSingleton<PlanExecutor>();
services.AddSingleton<FederatedExecutionStrategy>();
services.AddSingleton<SubscriptionHub>();
services.AddSingleton<FederatedSubscriptionStrategy>();
services.AddSingleton<GraphQLWebSocketEndpoint>();
services.AddHttpClient<SubgraphClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
    {
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
// Subscriptions hold one connection each for as long as they last: a client of their own, so they never take the
// pooled connections queries wait for.
services.AddHttpClient<SubgraphEventClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
    {
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
services.AddGraphQL(graphql => graphql
    // Each execution runs on the current supergraph's schema (GatewayDocumentCache sets it); this registration only
    // serves what asks the container, and is a singleton because the container disposes what it creates per request.
    .AddSchema(provider => provider.GetRequiredService<SupergraphSource>().Current.Schema, GraphQL.DI.ServiceLifetime.Singleton)
    .AddSystemTextJson(json =>
    {
        json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        json.Converters.Add(new DecimalJsonConverter());
    })
    .AddErrorInfoProvider<GatewayErrorInfoProvider>()
    .AddComplexityAnalyzer((complexity, provider) =>
    {
        ComplexityEstimate.Configure(complexity, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value);
        // The explorer's introspection query nests ofType eight deep under every list of the schema: priced as data
        // it costs millions. It reaches no subgraph (the gateway answers it from its schema), so it costs nothing.
        var priceOfData = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = field =>
            field.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
                ? new GraphQL.Validation.Complexity.FieldComplexityResult(0, 1)
                : priceOfData(field);
    })
    .AddValidationRule(provider => new MaxAliasesRule(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.MaxAliases))
    // Cached documents passed it already, under the same settings.
    .AddValidationRule<NoIntrospectionRule>(useForCachedDocuments: false, GraphQL.DI.ServiceLifetime.Singleton)
    .ConfigureExecution<OperationMetrics>()
    .ConfigureExecution<GatewayDocumentCache>()
    .AddExecutionStrategy<FederatedExecutionStrategy>(OperationType.Query)
    .AddExecutionStrategy<FederatedExecutionStrategy>(OperationType.Mutation)
    .AddExecutionStrategy<FederatedSubscriptionStrategy>(OperationType.Subscription)
    .ConfigureExecutionOptions(options =>
    {
        var limits = options.RequestServices!.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value;
        if (options.Timeout == Timeout.InfiniteTimeSpan)
            options.Timeout = TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds);
    }));
services.AddHealthChecks().AddCheck<SubgraphsHealthCheck>("subgraphs", tags: ["ready"]);
services.AddGoShopTelemetry("gateway", configuration);

var app = builder.Build();
try
{
    _ = app.Services.GetRequiredService<SupergraphSource>().Current;
}
catch (SupergraphException exception)
{
    Console.Error.WriteLine("The gateway cannot start: " + exception.Message);
    return 1;
}

var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
app.UseMiddleware<BananaCakePop>();
app.UseMiddleware<WebApps>();
var webSockets = app.Services.GetRequiredService<GraphQLWebSocketEndpoint>();
app.UseWebSockets();
// GraphQL over WebSocket shares the /graphql path: a WebSocket request there never reaches the HTTP endpoint.
app.Use((http, next) => http.WebSockets.IsWebSocketRequest && http.Request.Path == "/graphql" ? webSockets.HandleAsync(http) : next(http));
app.MapMethods("/graphql", ["GET", "POST"], endpoint.HandleAsync);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });
// Hive Gateway's liveness path, which scripts and tests written against it wait on.
app.MapHealthChecks("/healthcheck", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
app.MapGoShopMetrics();
await app.RunAsync();
return 0;
