using GraphQL.Validation;
using GraphQLParser.AST;

namespace GoShop.Gateway.Validation;

/// <summary>
/// Refuses a document with more aliased fields than <see cref="GatewayOptions.MaxAliases"/>. Aliases are how one
/// field is asked thousands of times in a document small enough for the body limit and cheap enough for the
/// complexity limit (10,000 <c>aN: field</c> cost 10,000), which the gateway would otherwise plan and send on.
/// </summary>
internal sealed class MaxAliasesRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is not null && ++count == maxAliases + 1)
                validation.ReportError(new MaxAliasesError(validation.Document.Source, field, maxAliases));
        }));
    }
}

/// <summary>The document has too many aliases; answered as <c>QUERY_TOO_COMPLEX</c>, as the complexity limit is.</summary>
internal sealed class MaxAliasesError(GraphQLParser.ROM source, ASTNode node, int maxAliases)
    : ValidationError(source, null, $"The document uses more than {maxAliases} aliases.", node);
