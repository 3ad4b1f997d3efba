using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Federation;

/// <summary>
/// An entity of another subgraph that this one only points at: <c>type Shop @key(fields: "id", resolvable: false) { id: ID! }</c>.
/// The gateway asks the owner for every other field. Declared in one line:
/// <c>public sealed class ShopType() : KeyOnlyEntityType&lt;ShopType&gt;("Shop");</c>
/// </summary>
public abstract class KeyOnlyEntityType<TSelf> : ObjectGraphType<EntityReference<TSelf>>
    where TSelf : KeyOnlyEntityType<TSelf>
{
    protected KeyOnlyEntityType(string name)
    {
        Name = name;
        this.Key("id", resolvable: false);
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription(name));
    }
}
