using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Cart.GraphQL.Types;

/// <summary>The representation the gateway sends to resolve an entity of this subgraph, or the stub of another's: just its key.</summary>
public sealed class EntityReference
{
    public Guid Id { get; set; }
}

/// <summary>
/// Another subgraph's entity, known here only by id: a key-only stub, not resolvable here (the gateway asks its owner
/// for the other fields).
/// </summary>
public abstract class ReferenceGraphType : ObjectGraphType<EntityReference>
{
    protected ReferenceGraphType(string name)
    {
        Name = name;
        this.Key("id", resolvable: false);
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }

    public static EntityReference To(Guid id) => new() { Id = id };

    public static EntityReference? To(Guid? id) => id is { } value ? new EntityReference { Id = value } : null;
}

/// <summary>catalog's Product.</summary>
public sealed class ProductGraphType() : ReferenceGraphType("Product");

/// <summary>catalog's ProductVariant.</summary>
public sealed class ProductVariantGraphType() : ReferenceGraphType("ProductVariant");

/// <summary>The shops subgraph's Shop.</summary>
public sealed class ShopGraphType() : ReferenceGraphType("Shop");

/// <summary>The media subgraph's Media.</summary>
public sealed class MediaGraphType() : ReferenceGraphType("Media");
