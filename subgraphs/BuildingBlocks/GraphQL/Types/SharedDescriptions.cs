using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace GoShop.BuildingBlocks.GraphQL.Types;

/// <summary>
/// Describes what every subgraph's schema shares (the root types and the built-in Decimal scalar) once, here, so the
/// composed schema reads the same whichever subgraph the composition takes them from. A visitor, because the root
/// types exist only once the subgraph's schema constructor has run.
/// </summary>
internal sealed class SharedDescriptions : BaseSchemaNodeVisitor
{
    public const string Query =
        "Every read of GoShop's marketplace: the signed-in user's own account, cart, orders and payments; shops, products "
        + "and deliveries. Fields that need a signed-in user answer an UNAUTHENTICATED error without one.";

    public const string Mutation =
        "Every change to GoShop. Each mutation takes one `input` and returns a payload whose `userErrors` list what was "
        + "refused (code, field path, message); when `userErrors` is not empty nothing was changed. A missing or expired "
        + "sign-in is a GraphQL error (UNAUTHENTICATED), not a user error.";

    public const string Subscription =
        "Live updates, over graphql-sse (an HTTP POST answered with text/event-stream) or graphql-transport-ws: each "
        + "event is pushed the moment it happens.";

    public const string Decimal =
        "An exact decimal number, such as an amount of money or a rate: a JSON number in responses, written at the "
        + "smallest scale that holds it (199000, 12.5), and a number literal or JSON number on input. Never rounded "
        + "through floating point on the server.";

    public override void VisitSchema(ISchema schema)
    {
        schema.Query.Description ??= Query;
        if (schema.Mutation is { } mutation)
        {
            mutation.Description ??= Mutation;
            DescribePayloads(mutation);
        }
        if (schema.Subscription is { } subscription)
            subscription.Description ??= Subscription;
    }

    /// <summary>A payload says which mutation returns it, unless its subgraph says more.</summary>
    private static void DescribePayloads(IObjectGraphType mutation)
    {
        foreach (var field in mutation.Fields)
        {
            if (field.ResolvedType?.GetNamedType() is IObjectGraphType { Description: null } payload && payload.HasField("userErrors"))
                payload.Description = $"What `{field.Name}` returns: the objects it changed, or `userErrors` saying why nothing changed.";
        }
    }

    public override void VisitScalar(ScalarGraphType type, ISchema schema)
    {
        if (type is DecimalGraphType)
            type.Description ??= Decimal;
    }
}
