using System.Text.Encodings.Web;
using System.Text.Unicode;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Authorization;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.BuildingBlocks.Subscriptions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.GraphQL;

/// <summary>
/// The subgraph's schema served over HTTP/SSE with Apollo Federation 2.3: graph types discovered in the subgraph's
/// assembly and in BuildingBlocks, shared scalars, authorization, error codes, depth and complexity limits, and the
/// execution strategies a scoped DbContext needs.
/// </summary>
internal static class GraphQLSetup
{
    public static void AddGoShopGraphQL<TSchema>(this IServiceCollection services, IConfiguration configuration) where TSchema : Schema
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
            .AddGraphTypes(typeof(GraphQLSetup).Assembly)
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
            .AddSchemaVisitor<SharedDescriptions>()
            .AddErrorInfoProvider<GoShopErrorInfoProvider>()
            .AddComplexityAnalyzer((complexity, provider) =>
                ComplexityEstimate.Configure(complexity, provider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value))
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
                if (ArgumentConversionErrors.TryDescribe(context, out var badArgument))
                {
                    context.Exception = badArgument;
                    return;
                }
                var options = context.ExecutionOptions;
                var logger = options.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("GoShop.GraphQL");
                logger.LogError(context.OriginalException, "Unhandled error in {Field} of operation {Operation}",
                    context.FieldContext?.Path is { } path ? string.Join('.', path) : "(no field)",
                    options.OperationName ?? "(anonymous)");
            }));
    }
}
