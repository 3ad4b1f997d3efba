using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Federation;

/// <summary>
/// An entity of another subgraph, known here only by its id: what a field of type <typeparamref name="TGraphType"/>
/// returns. Typed by its graph type because graphql-dotnet tells the members of the <c>_Entity</c> union apart by the
/// CLR type of the object resolved.
/// </summary>
public sealed record EntityReference<TGraphType>(Guid Id) where TGraphType : IObjectGraphType;

/// <summary>Makes <see cref="EntityReference{TGraphType}"/>s: <c>EntityReference.To&lt;ShopType&gt;(order.ShopId)</c>.</summary>
public static class EntityReference
{
    public static EntityReference<TGraphType> To<TGraphType>(Guid id) where TGraphType : IObjectGraphType => new(id);

    /// <summary>The reference for an optional id: null when there is none.</summary>
    public static EntityReference<TGraphType>? To<TGraphType>(Guid? id) where TGraphType : IObjectGraphType =>
        id is { } value ? new EntityReference<TGraphType>(value) : null;
}
