using GoShop.BuildingBlocks.GraphQL;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.BuildingBlocks.Tests.Limits;

/// <summary>
/// The complexity estimate counts about the fields an operation resolves: stated list sizes as stated, an entity call
/// as its representations, other lists as <see cref="GraphQLHttpOptions.ListSizeEstimate"/> items.
/// </summary>
public sealed class ComplexityEstimateTests
{
    [Fact]
    public async Task A_list_without_a_size_counts_the_configured_estimate_and_first_counts_what_it_asks()
    {
        // items: 1 + 5 × (id 1 + children 1 + 5 × id 1) = 36
        Assert.Equal(36, await EstimateAsync("{ items { id children { id } } }"));
        // items(first: 2): 1 + 2 × (1 + 1 + 5 × 1) = 15
        Assert.Equal(15, await EstimateAsync("{ items(first: 2) { id children { id } } }"));
        Assert.Equal(1 + 20 * (1 + 1 + 20), await EstimateAsync("{ items { id children { id } } }", listSize: 20));
    }

    [Fact]
    public async Task An_entity_call_counts_its_representations_not_a_list_of_unknown_size()
    {
        const string Query = "query($r: [String!]!) { _entities(representations: $r) { id children { id } } }";

        // One representation: 1 + 1 × (1 + 1 + 5 × 1) = 8, the price of the same object asked of a root field.
        Assert.Equal(8, await EstimateAsync(Query, new Inputs(new Dictionary<string, object?> { ["r"] = new List<object?> { "a" } })));
        Assert.Equal(1 + 3 * 7, await EstimateAsync(Query, new Inputs(new Dictionary<string, object?> { ["r"] = new List<object?> { "a", "b", "c" } })));
    }

    [Fact]
    public async Task An_operation_over_the_limit_is_refused()
    {
        var result = await ExecuteAsync("{ items { children { children { children { children { id } } } } } }", null, 5, maxComplexity: 1_000);

        Assert.Contains(result.Errors!, e => e is global::GraphQL.Validation.Errors.Custom.ComplexityError);
    }

    private static async Task<double> EstimateAsync(string query, Inputs? variables = null, int listSize = 5)
    {
        double? estimate = null;
        var result = await ExecuteAsync(query, variables, listSize, maxComplexity: 1_000_000, total => estimate = total);
        Assert.True(result.Errors is null, string.Join("; ", result.Errors?.Select(e => e.Message + " " + e.InnerException) ?? []));
        return estimate ?? throw new InvalidOperationException("The complexity analyzer did not run.");
    }

    private static async Task<ExecutionResult> ExecuteAsync(string query, Inputs? variables, int listSize, int maxComplexity, Action<double>? estimated = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ItemType>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<EstimateSchema>()
            .AddComplexityAnalyzer(complexity =>
            {
                ComplexityEstimate.Configure(complexity, new GraphQLHttpOptions { MaxDepth = 20, MaxComplexity = maxComplexity, ListSizeEstimate = listSize });
                complexity.ValidateComplexityDelegate = context =>
                {
                    estimated?.Invoke(context.TotalImpact);
                    return Task.CompletedTask;
                };
            }));
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            RequestServices = provider,
        });
    }

    private sealed class EstimateSchema : Schema
    {
        public EstimateSchema(IServiceProvider services)
            : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<ListGraphType<ItemType>>("items")
                .Argument<IntGraphType>("first")
                .Resolve(_ => Array.Empty<object>());
            query.Field<ListGraphType<ItemType>>("_entities")
                .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("representations")
                .Resolve(_ => Array.Empty<object>());
            Query = query;
        }
    }

    private sealed class ItemType : ObjectGraphType
    {
        public ItemType()
        {
            Name = "Item";
            Field<IdGraphType>("id").Resolve(_ => "1");
            Field<ListGraphType<ItemType>>("children").Resolve(_ => Array.Empty<object>());
        }
    }
}
