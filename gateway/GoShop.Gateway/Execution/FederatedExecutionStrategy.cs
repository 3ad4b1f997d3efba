using GoShop.Gateway.Planning;
using GoShop.Gateway.Supergraph;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GoShop.Gateway.Execution;

/// <summary>
/// Where GraphQL.NET hands over a parsed, validated operation with coerced variables: instead of resolving fields,
/// the gateway plans the operation into subgraph fetches, runs them and writes the response. Introspection is
/// answered by GraphQL.NET from the client-facing schema.
/// </summary>
public sealed class FederatedExecutionStrategy(SupergraphSource supergraph, PlanExecutor executor, IHttpContextAccessor http) : IExecutionStrategy
{
    public async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        var snapshot = supergraph.Current;
        OperationPlan plan;
        try
        {
            plan = snapshot.PlanFor(context.Document, context.Operation, name => Variable(context, name));
        }
        catch (PlanningException exception)
        {
            return new ExecutionResult { Executed = false, Errors = [new ExecutionError(exception.Message) { Code = GatewayErrorCodes.PlanningFailed }] };
        }

        if (plan.IsIntrospection)
        {
            if (plan.Selections.Any(f => !f.IsTypeName))
            {
                return new ExecutionResult
                {
                    Executed = false,
                    Errors = [new ExecutionError("Ask for __schema and __type in an operation of their own, without other fields.") { Code = "GRAPHQL_VALIDATION_FAILED" }],
                };
            }
            return await ParallelExecutionStrategy.Instance.ExecuteAsync(context);
        }

        var (data, errors) = await executor.ExecuteAsync(plan, context.ExecutionOptions.Variables, RequestHeaders.From(context, http.HttpContext), context.CancellationToken);
        var written = ResponseWriter.Write(plan, data, errors);
        // From the context: the result carries the parsed document, which the document cache keeps (with its plans).
        var result = new ExecutionResult { Document = context.Document, Operation = context.Operation, Executed = true, Data = written };
        if (errors.Count > 0)
        {
            result.Errors = [];
            foreach (var error in errors)
                result.Errors.Add(error);
        }
        return result;
    }

    internal static object? Variable(ExecutionContext context, string name) =>
        context.Variables.ValueFor(name, out var value) ? value.Value : null;

    public Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode) =>
        ParallelExecutionStrategy.Instance.ExecuteNodeTreeAsync(context, rootNode);

    public Dictionary<string, (GraphQLField field, FieldType fieldType)>? GetSubFields(ExecutionContext executionContext, ExecutionNode executionNode) =>
        ParallelExecutionStrategy.Instance.GetSubFields(executionContext, executionNode);
}
