using System.Buffers;
using System.Text;
using System.Text.Json;
using GoShop.Gateway.Planning;
using GoShop.Gateway.Supergraph;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Where GraphQL.NET hands over a validated subscription: the plan's root fetch becomes a subscription on the owning
/// subgraph (over SSE), and each of its events is completed with the plan's entity fetches and written as the
/// client's result. Identical subscriptions share one upstream stream through the <see cref="SubscriptionHub"/>.
/// A subgraph that refuses before streaming (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND...) answers the client with its
/// errors instead of a stream.
/// </summary>
public sealed class FederatedSubscriptionStrategy(
    SupergraphSource supergraph,
    PlanExecutor executor,
    SubgraphEventClient events,
    SubscriptionHub hub,
    IHttpContextAccessor http,
    IOptions<GatewayOptions> options) : IExecutionStrategy
{
    private readonly HashSet<string> _currentStateFields = new(options.Value.CurrentStateSubscriptions, StringComparer.Ordinal);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        var snapshot = supergraph.Current;
        OperationPlan plan;
        try
        {
            plan = snapshot.PlanFor(context.Document, context.Operation, name => FederatedExecutionStrategy.Variable(context, name));
        }
        catch (PlanningException exception)
        {
            return Failed(exception.Message);
        }
        if (plan.IsIntrospection || plan.RootFetches.Count != 1 || plan.Selections.Count(f => !f.IsTypeName) != 1)
            return Failed("A subscription selects exactly one field of the subscription type.");

        var httpContext = http.HttpContext;
        var headers = RequestHeaders.From(context, httpContext);
        var variables = context.ExecutionOptions.Variables;
        var key = new SubscriptionKey(
            snapshot,
            context.ExecutionOptions.Query ?? context.Document.Source.ToString(),
            context.Operation.Name?.StringValue,
            VariablesKey(context),
            headers.Authorization);

        var field = plan.Selections.First(f => !f.IsTypeName);
        var (subscriber, refusal) = await hub.JoinAsync(
            key,
            () => new FederatedEventSource(plan, variables, headers, events, executor),
            _currentStateFields.Contains(field.FieldName),
            context.CancellationToken);
        if (refusal is not null)
            return new ExecutionResult { Document = context.Document, Operation = context.Operation, Executed = true, Data = refusal.Data, Errors = refusal.Errors };

        // Over HTTP the stream belongs to the request: should the transport never listen (a subscription asked for
        // without Accept: text/event-stream), the request's end still leaves the shared stream. A WebSocket
        // endpoint always listens or leaves itself, and its request lasts as long as the socket.
        if (httpContext is { WebSockets.IsWebSocketRequest: false })
            httpContext.Response.RegisterForDispose(subscriber!);

        return new ExecutionResult
        {
            Document = context.Document,
            Operation = context.Operation,
            Executed = true,
            Streams = new Dictionary<string, IObservable<ExecutionResult>> { [field.ResponseName] = subscriber! },
        };
    }

    /// <summary>The operation's coerced variables as JSON, in the order the operation declares them.</summary>
    private static string VariablesKey(ExecutionContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var definition in context.Operation.Variables?.Items ?? [])
            {
                var name = definition.Variable.Name.StringValue;
                writer.WritePropertyName(name);
                VariableWriter.Write(writer, FederatedExecutionStrategy.Variable(context, name));
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ExecutionResult Failed(string message) =>
        new() { Executed = false, Errors = [new ExecutionError(message) { Code = GatewayErrorCodes.PlanningFailed }] };

    public Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode) =>
        ParallelExecutionStrategy.Instance.ExecuteNodeTreeAsync(context, rootNode);

    public Dictionary<string, (GraphQLField field, FieldType fieldType)>? GetSubFields(ExecutionContext executionContext, ExecutionNode executionNode) =>
        ParallelExecutionStrategy.Instance.GetSubFields(executionContext, executionNode);
}
