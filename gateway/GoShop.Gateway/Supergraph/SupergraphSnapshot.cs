using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GoShop.Gateway.Planning;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GoShop.Gateway.Supergraph;

/// <summary>
/// Everything derived from one version of the supergraph file: its model, the client-facing schema operations are
/// validated against, the planner and its plans. A reload builds a new snapshot and swaps it in whole, so a request
/// never mixes two versions.
/// </summary>
public sealed class SupergraphSnapshot
{
    private readonly OperationPlanner _planner;
    private readonly int _maxPlansPerDocument;
    // Plans live as long as the parsed document they were made for (the document cache decides that).
    private readonly ConditionalWeakTable<GraphQLDocument, DocumentPlans> _plans = [];

    public SupergraphSnapshot(string sdl, int maxPlansPerDocument)
    {
        Document = SupergraphDocument.Parse(sdl);
        _planner = new OperationPlanner(Document);
        _maxPlansPerDocument = maxPlansPerDocument;
        var schema = GraphQL.Types.Schema.For(Document.ClientSdl, builder =>
        {
            // GraphQL.NET wants a way to name an abstract value's object type; the gateway never resolves one here
            // (subgraph answers carry __typename, which the planner fetches), so this is never called.
            foreach (var abstractType in Document.AbstractTypes.Keys)
                builder.Types.For(abstractType).ResolveType = _ => throw new InvalidOperationException("The gateway reads an object's type from its __typename.");
        });
        foreach (var (name, description) in Document.Scalars)
            schema.RegisterType(new PassThroughScalarGraphType(name, description));
        // GraphQL.NET wants a source stream on every subscription field; the gateway's subscription strategy
        // opens the owning subgraph's stream instead, so this one is never asked for.
        foreach (var field in schema.Subscription?.Fields ?? [])
            field.StreamResolver = new GraphQL.Resolvers.SourceStreamResolver<object>((Func<GraphQL.IResolveFieldContext, IObservable<object?>>)(_ =>
                throw new InvalidOperationException("Subscriptions are planned by the gateway, not resolved here.")));
        schema.Initialize();
        Schema = schema;
        LoadedAt = DateTimeOffset.UtcNow;
    }

    public SupergraphDocument Document { get; }

    public ISchema Schema { get; }

    public DateTimeOffset LoadedAt { get; }

    private long _plansBuilt;

    /// <summary>How many plans were made on this snapshot: a repeated operation should make none (its plan is kept).</summary>
    public long PlansBuilt => Interlocked.Read(ref _plansBuilt);

    /// <summary>The plan of an operation for these @skip/@include values, planned once and kept with its document.</summary>
    public OperationPlan PlanFor(GraphQLDocument document, GraphQLOperationDefinition operation, Func<string, object?> variable)
    {
        var plans = _plans.GetValue(document, d => new DocumentPlans(OperationPlanner.ConditionVariables(d)));
        var key = (operation.Name?.StringValue ?? "", ConditionKey(plans.Conditions, variable));
        if (plans.ByOperation.TryGetValue(key, out var plan))
            return plan;
        plan = _planner.Plan(document, operation, variable);
        Interlocked.Increment(ref _plansBuilt);
        if (plans.ByOperation.Count < _maxPlansPerDocument && plans.Conditions.Count <= 62)
            plans.ByOperation.TryAdd(key, plan);
        return plan;
    }

    private static long ConditionKey(IReadOnlyList<string> conditions, Func<string, object?> variable)
    {
        long key = 0;
        for (var i = 0; i < conditions.Count && i < 62; i++)
        {
            if (variable(conditions[i]) is true)
                key |= 1L << i;
        }
        return key;
    }

    private sealed class DocumentPlans(IReadOnlyList<string> conditions)
    {
        public IReadOnlyList<string> Conditions { get; } = conditions;

        public ConcurrentDictionary<(string, long), OperationPlan> ByOperation { get; } = new();
    }
}
