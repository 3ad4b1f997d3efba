namespace GoShop.BuildingBlocks.GraphQL.Federation;

/// <summary>
/// What the gateway sends to <c>_entities</c> to resolve an entity keyed by id (<c>{ __typename, id }</c>), as the
/// entity's <c>ResolveReference&lt;EntityKey, T&gt;</c> receives it. graphql-dotnet fills it by reflection, hence the
/// parameterless constructor and the setter.
/// </summary>
public sealed class EntityKey
{
    public Guid Id { get; set; }
}
