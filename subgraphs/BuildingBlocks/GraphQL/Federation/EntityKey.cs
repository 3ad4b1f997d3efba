namespace GoShop.BuildingBlocks.GraphQL.Federation;

/// <summary>
/// What the gateway sends to <c>_entities</c> to resolve an entity keyed by id (<c>{ __typename, id }</c>), as the
/// entity's <c>ResolveReference&lt;EntityKey, T&gt;</c> receives it. graphql-dotnet fills it by reflection, hence the
/// parameterless constructor and the setter.
/// </summary>
public sealed class EntityKey
{
    public Guid Id { get; set; }

    /// <summary>
    /// The description of an entity's <c>id</c>, the same in the owner and in every subgraph that points at it (the
    /// composed schema keeps one of them).
    /// </summary>
    public static string IdDescription(string entity) =>
        $"The {entity}'s unique id (a time-ordered UUID); the key by which every subgraph knows it.";
}
