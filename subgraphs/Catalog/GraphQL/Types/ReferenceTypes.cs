using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Queries;
using GoShop.Catalog.Search;
using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Types;

/// <summary>A shop, owned by the shops subgraph; catalog knows its id and adds its products.</summary>
public sealed class ShopReference
{
    public Guid Id { get; set; }
}

/// <summary>
/// <c>Shop</c> is the shops subgraph's entity. Catalog declares its key and resolves references from the key alone, so
/// the gateway can ask catalog for <c>Shop.products</c>.
/// </summary>
public sealed class ShopType : ObjectGraphType<ShopReference>
{
    public ShopType()
    {
        Name = "Shop";
        this.Key("id");
        this.ResolveReference<ShopReference>((_, reference) => reference);
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ConnectionType<ProductType, Product>>, Connection<Product>>("products")
            .Description("The shop's products. Buyers see ACTIVE and OUT_OF_STOCK ones; the owner and admins may ask for every status.")
            .Argument<ProductFilterInputType>("where")
            .Argument<ProductOrderType>("order")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var filter = (context.GetArgument<ProductFilter?>("where") ?? new ProductFilter()) with { ShopId = context.Source.Id };
                return await ProductQueries.SearchAsync(context, filter);
            });
    }
}

/// <summary>A picture or video, owned by the media subgraph; catalog only holds ids.</summary>
public sealed class MediaReference
{
    public Guid Id { get; set; }
}

public sealed class MediaType : ObjectGraphType<MediaReference>
{
    public MediaType()
    {
        Name = "Media";
        this.Key("id", resolvable: false);
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
