using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.BuildingBlocks.GraphQL.Authorization;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.BuildingBlocks.Health;
using GoShop.BuildingBlocks.Internal;
using GoShop.BuildingBlocks.Messaging;
using GoShop.BuildingBlocks.RateLimiting;
using GoShop.BuildingBlocks.Subscriptions;
using GoShop.BuildingBlocks.Telemetry;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        ConfigureLogging(builder);

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

        AddDatabase<TContext>(services, configuration);
        services.AddGoShopAuthentication(configuration);
        AddGraphQL<TSchema>(services, configuration);
        AddMessaging<TSchema, TContext>(services, configuration, name);

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

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "simple" : "json");
        builder.Logging.ClearProviders();
        // Internal calls between subgraphs would log five lines each (client handlers and every retry attempt);
        // failures still show, and tracing records every call. Logging:LogLevel settings take precedence.
        if (builder.Configuration["Logging:LogLevel:System.Net.Http.HttpClient"] is null)
            builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (builder.Configuration["Logging:LogLevel:Polly"] is null)
            builder.Logging.AddFilter("Polly", LogLevel.Warning);
        if (format == "json")
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    }

    private static void AddDatabase<TContext>(IServiceCollection services, IConfiguration configuration)
        where TContext : GoShopDbContext
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<IInterceptor, LiveUpdatesInterceptor>();
        services.AddDbContext<TContext>((provider, options) => options
            // Read when the first context is made: test hosts change the configuration after services are added.
            .UseNpgsql(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.WithPoolSettings(configuration.GetConnectionString("Postgres")!), npgsql =>
            {
                npgsql.UseNetTopologySuite();
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
            })
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetServices<IInterceptor>())
            .AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor>()));
        services.AddScoped<GoShopDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<DatabaseMigrator<TContext>>();
        services.AddSingleton<IMigrateDatabase>(provider => provider.GetRequiredService<DatabaseMigrator<TContext>>());
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseMigrator<TContext>>());
    }

    private static void AddGraphQL<TSchema>(IServiceCollection services, IConfiguration configuration) where TSchema : Schema
    {
        services.AddOptions<GraphQLHttpOptions>().Bind(configuration.GetSection(GraphQLHttpOptions.Section));
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddTransient(typeof(ConnectionType<,>));
        services.AddTransient(typeof(EdgeType<,>));
        services.AddGraphQL(graphql => graphql
            .AddSchema<TSchema>()
            // Vietnamese names stay readable in responses instead of becoming \uXXXX escapes.
            .AddSystemTextJson(json =>
            {
                json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
                json.Converters.Add(new DecimalJsonConverter());
            })
            .AddGraphTypes(typeof(TSchema).Assembly)
            .AddGraphTypes(typeof(SubgraphHosting).Assembly)
            .AddFederation("2.3")
            .ConfigureSchema(schema =>
            {
                // Federation composition rejects the SDL of repeatable directives (@key) printed without "repeatable".
                schema.Features.RepeatableDirectives = true;
                schema.RegisterTypeMapping<DateTimeOffset, UtcDateTimeGraphType>();
                schema.RegisterTypeMapping<DateTime, UtcDateTimeGraphType>();
                schema.RegisterTypeMapping<GeoPoint, GeoPointType>();
                schema.RegisterTypeMapping<GeoPoint, GeoPointInputType>();
                schema.RegisterTypeMapping<Money, MoneyType>();
            })
            .AddSchemaVisitor<AuthorizationSchemaVisitor>()
            .AddErrorInfoProvider<GoShopErrorInfoProvider>()
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
            })
            .ConfigureExecution<ParsedDocumentCache>()
            // One scoped DbContext per request cannot run two queries at once: resolve query fields one at a time
            // (batching loaders still collect a whole level before they fetch).
            .AddExecutionStrategy(SerialExecutionStrategy.Instance, OperationType.Query)
            .AddExecutionStrategy<ScopedSubscriptionExecutionStrategy>(OperationType.Subscription)
            .ConfigureExecutionOptions(options =>
            {
                var limits = options.RequestServices!.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
                if (options.Timeout == Timeout.InfiniteTimeSpan)
                    options.Timeout = TimeSpan.FromSeconds(limits.ExecutionTimeoutSeconds);
            })
            .UseTelemetry()
            .AddUnhandledExceptionHandler(context =>
            {
                var options = context.ExecutionOptions;
                var logger = options.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("GoShop.GraphQL");
                logger.LogError(context.OriginalException, "Unhandled error in {Field} of operation {Operation}",
                    context.FieldContext?.Path is { } path ? string.Join('.', path) : "(no field)",
                    options.OperationName ?? "(anonymous)");
            }));
    }

    private static void AddMessaging<TSchema, TContext>(IServiceCollection services, IConfiguration configuration, string name)
        where TContext : GoShopDbContext
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section));
        services.AddMassTransit(bus =>
        {
            var messaging = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
            // MassTransit reports usage to its vendor over the internet by default: our deployments say nothing to
            // third parties (and machines without internet logged a failed DNS lookup from every subgraph).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(messaging.QueuePrefix ?? name, includeNamespace: false));
            if (messaging.TemporaryQueues)
            {
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    // Durable, so they outlive a broker restart like any other queue, and left for RabbitMQ to delete a
                    // while after their host has gone.
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                        rabbit.QueueExpiration = MessagingOptions.TemporaryQueueExpiration;
                });
            }
            bus.AddConsumers(typeof(TSchema).Assembly);
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.Tags.Add("ready");
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(configuration.GetConnectionString("RabbitMq")!));
                if (!string.IsNullOrEmpty(messaging.ExchangePrefix))
                    rabbit.MessageTopology.SetEntityNameFormatter(
                        new PrefixEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, messaging.ExchangePrefix + "."));
                rabbit.UseMessageRetry(retry => retry.Intervals(200, 1000, 5000, 15000));
                rabbit.ConfigureEndpoints(context);
            });
        });
        services.Configure<MassTransitHostOptions>(host =>
        {
            // Start serving GraphQL even while RabbitMQ is away; the outbox holds events until it is back.
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddHostedService<OutboxDispatcher<TContext>>();
    }
}
