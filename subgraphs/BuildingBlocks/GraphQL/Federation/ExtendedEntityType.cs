using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.BuildingBlocks.GraphQL.Federation;

/// <summary>
/// An entity of another subgraph that this one adds fields to, such as catalog's <c>Shop.products</c>:
/// <c>type Shop @key(fields: "id") { id: ID! products: ... }</c>. The gateway asks this subgraph for the added fields
/// with the key alone, so the reference resolves to itself without a lookup. The subclass's constructor adds the
/// fields, reading the id from <c>context.Source.Id</c>.
/// </summary>
public abstract class ExtendedEntityType<TSelf> : ObjectGraphType<EntityReference<TSelf>>
    where TSelf : ExtendedEntityType<TSelf>
{
    protected ExtendedEntityType(string name)
    {
        Name = name;
        this.Key("id");
        this.ResolveReference<EntityKey, EntityReference<TSelf>>((_, key) => new EntityReference<TSelf>(key.Id));
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription(name));
    }
}
