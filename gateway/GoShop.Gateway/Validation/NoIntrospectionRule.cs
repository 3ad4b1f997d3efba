using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace GoShop.Gateway.Validation;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> where introspection is turned off (<see cref="GatewayOptions.Introspection"/>):
/// a public endpoint that does not publish its schema answers them as unknown fields would be, before any subgraph is
/// called. <c>__typename</c> stays: clients need it to read abstract types and normalised caches key on it.
/// </summary>
internal sealed class NoIntrospectionRule(IOptions<GatewayOptions> options, IHostEnvironment environment) : ValidationRuleBase
{
    private readonly INodeVisitor? _visitor = options.Value.Introspection ?? environment.IsDevelopment()
        ? null
        : new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Name.StringValue is "__schema" or "__type")
                validation.ReportError(new IntrospectionDisabledError(validation.Document.Source, field));
        });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(_visitor);
}

/// <summary>Introspection is off on this gateway; a validation error (<c>GRAPHQL_VALIDATION_FAILED</c>) like any unknown field.</summary>
internal sealed class IntrospectionDisabledError(GraphQLParser.ROM source, ASTNode node)
    : ValidationError(source, null, "Introspection is turned off on this endpoint; the schema is published with GoShop (schema/supergraph.graphql).", node);
