using System.Collections;
using GoShop.BuildingBlocks.GraphQL.Transport;
using GraphQL.Validation.Complexity;

namespace GoShop.BuildingBlocks.GraphQL;

/// <summary>
/// How the depth and complexity limits price an operation, the same at every subgraph and at the gateway: about the
/// number of fields it would resolve. A list whose size the operation states (<c>first</c>, <c>last</c>) counts that
/// many items, and an <c>_entities</c> call as many as the representations it carries; a list that says nothing counts
/// <see cref="GraphQLHttpOptions.ListSizeEstimate"/> items. GraphQL.NET's own estimate is 20 for every such list and
/// one entity call as 20 entities: a page of 20 orders asked of a shop, each with its lines and their products'
/// photos and sizes, came to 109,721 at the ordering subgraph (the limit is 20,000), and the storefront's search page
/// with its cards' photos to more than the gateway allowed.
/// </summary>
public static class ComplexityEstimate
{
    public static void Configure(ComplexityOptions complexity, GraphQLHttpOptions limits)
    {
        complexity.MaxDepth = limits.MaxDepth;
        complexity.MaxComplexity = limits.MaxComplexity;
        complexity.DefaultListImpactMultiplier = limits.ListSizeEstimate;
        var standard = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = field =>
            field.FieldDefinition.Name == "_entities" && field.Arguments?.TryGetValue("representations", out var representations) == true
                && representations.Value is ICollection list
                ? new FieldComplexityResult(field.Configuration.DefaultObjectImpact, Math.Max(1, list.Count))
                : standard(field);
    }
}
