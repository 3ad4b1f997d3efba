using GraphQL.Validation;
using GraphQLParser.AST;

namespace GoShop.BuildingBlocks.GraphQL.Transport;

/// <summary>
/// GET must be safe: no mutation may travel that way (GraphQL over HTTP). Subscriptions may, when streamed as
/// Server-Sent Events (GraphQL over SSE, which is how the gateway subscribes).
/// </summary>
internal sealed class SafeOperationsOverGetRule : ValidationRuleBase
{
    public const string Number = "HTTP_GET_SAFE_OPERATIONS_ONLY";

    private readonly bool _allowSubscriptions;

    private SafeOperationsOverGetRule(bool allowSubscriptions) => _allowSubscriptions = allowSubscriptions;

    public static SafeOperationsOverGetRule QueriesOnly { get; } = new(allowSubscriptions: false);

    public static SafeOperationsOverGetRule QueriesAndSubscriptions { get; } = new(allowSubscriptions: true);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation.Operation;
        if (operation == OperationType.Mutation || (operation == OperationType.Subscription && !_allowSubscriptions))
        {
            context.ReportError(new ValidationError(
                context.Document.Source, Number,
                _allowSubscriptions
                    ? "Mutations cannot be sent with GET; use POST."
                    : "Only queries may be sent with GET; send mutations with POST, and subscriptions with Accept: text/event-stream.",
                context.Operation));
        }
        return default;
    }
}
