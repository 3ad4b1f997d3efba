using GoShop.BuildingBlocks.GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>Another subgraph's entity this one only points at (<c>Query.maker</c>).</summary>
public sealed class MakerType() : KeyOnlyEntityType<MakerType>("Maker");

/// <summary>Another subgraph's entity this one adds a field to, resolved from the key alone.</summary>
public sealed class ShelfType : ExtendedEntityType<ShelfType>
{
    public ShelfType() : base("Shelf")
    {
        Field<NonNullGraphType<StringGraphType>, string>("label").Resolve(context => $"shelf {context.Source.Id}");
    }
}

/// <summary>A second extended entity, so one <c>_entities</c> answer must tell two kinds of reference apart.</summary>
public sealed class CrateType : ExtendedEntityType<CrateType>
{
    public CrateType() : base("Crate")
    {
        Field<NonNullGraphType<StringGraphType>, string>("label").Resolve(context => $"crate {context.Source.Id}");
    }
}
