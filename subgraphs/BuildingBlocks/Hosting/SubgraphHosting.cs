using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.GraphQL;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.BuildingBlocks.Health;
using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.RateLimiting;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.BuildingBlocks.Telemetry;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace GoShop.BuildingBlocks.Hosting;

/// <summary>
/// The one way a GoShop subgraph is put together. A subgraph's Program.cs calls
/// <see cref="AddGoShopSubgraph{TSchema,TContext}"/>, registers its domain services, then
/// <see cref="MapGoShopSubgraph"/> and <see cref="RunGoShopSubgraphAsync"/>.
/// </summary>
public static class SubgraphHosting
{
    /// <summary>
    /// Registers everything a subgraph shares with the others: configuration defaults, logging, GraphQL over
    /// HTTP/SSE with federation, auth, PostgreSQL through EF Core, Redis topics, MassTransit with the outbox
    /// dispatcher, health checks and telemetry. Graph types, loaders and consumers are discovered in the assembly
    /// of <typeparamref name="TSchema"/>.
    /// </summary>
    public static WebApplicationBuilder AddGoShopSubgraph<TSchema, TContext>(this WebApplicationBuilder builder, string name)
        where TSchema : Schema
        where TContext : GoShopDbContext
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        AddConfigurationDefaults(configuration, name, builder.Environment.IsDevelopment());
        builder.AddGoShopLogging();

        services.AddSingleton(new SubgraphInfo(name));
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis")!);
            options.AbortOnConnectFail = false;
            options.ClientName = "goshop-" + name;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<ITopicBus, RedisTopicBus>();
        services.AddSingleton<RedisRateLimiter>();
        InternalApi.AddInternalApiOptions(services, configuration);

        services.AddGoShopDatabase<TContext>(configuration);
        services.AddGoShopAuthentication(configuration);
        services.AddGoShopGraphQL<TSchema>(configuration);
        services.AddGoShopMessaging<TSchema, TContext>(configuration, name);

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck<TContext>>("postgres", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        services.AddGoShopTelemetry(name, configuration);
        return builder;
    }

    /// <summary>Maps <c>/graphql</c>, <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>.</summary>
    public static WebApplication MapGoShopSubgraph(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuthentication();
        var graphql = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.MapMethods("/graphql", ["GET", "POST"], graphql.HandleAsync);
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapGoShopMetrics();
        return app;
    }

    /// <summary>
    /// Runs the subgraph, or one of its commands: <c>schema</c> prints the federation SDL (what <c>make schema</c>
    /// exports) without touching any server; <c>migrate</c> applies pending migrations and exits. A subgraph may add
    /// verbs of its own in <paramref name="commands"/> (e.g. catalog's <c>seed-large</c>); each receives the arguments
    /// after the verb and returns the exit code.
    /// </summary>
    public static async Task<int> RunGoShopSubgraphAsync(this WebApplication app, string[] args,
        IReadOnlyDictionary<string, Func<WebApplication, string[], Task<int>>>? commands = null)
    {
        if (args.FirstOrDefault() is { } verb && commands is not null && commands.TryGetValue(verb, out var command))
            return await command(app, args[1..]);
        switch (args.FirstOrDefault())
        {
            case "schema":
                Console.Out.Write(await ExportSchemaAsync(app.Services));
                return 0;
            case "migrate":
                await MigrateAsync(app);
                return 0;
            default:
                await app.RunAsync();
                return 0;
        }
    }

    /// <summary>The subgraph's SDL exactly as the gateway's composition reads it (<c>{ _service { sdl } }</c>).</summary>
    public static async Task<string> ExportSchemaAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = "{ _service { sdl } }",
            RequestServices = scope.ServiceProvider,
        });
        if (result.Errors is { Count: > 0 } errors)
            throw new InvalidOperationException("Could not export the schema: " + string.Join("; ", errors.Select(e => e.Message)));
        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var sdl = document.RootElement.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;
        return sdl.TrimEnd() + Environment.NewLine;
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<IMigrateDatabase>().MigrateAsync(CancellationToken.None);
    }

    private static void AddConfigurationDefaults(ConfigurationManager configuration, string name, bool development)
    {
        // Lowest priority: appsettings, environment variables and command-line arguments all override these.
        ((IConfigurationBuilder)configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port=5432;Database=goshop_{name};Username=goshop;Password=goshop",
                ["ConnectionStrings:Redis"] = "127.0.0.1:6379",
                ["ConnectionStrings:RabbitMq"] = "amqp://goshop:goshop@127.0.0.1:5672/goshop",
                // Outside Development there is no default: internal calls fail until a real key is configured.
                [InternalApiOptions.Section + ":Key"] = development ? InternalApiOptions.DevelopmentKey : null,
            },
        });
    }
}
