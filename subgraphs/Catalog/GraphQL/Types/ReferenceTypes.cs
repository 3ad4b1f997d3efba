using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Queries;
using GoShop.Catalog.Search;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Types;

/// <summary>
/// <c>Shop</c> is the shops subgraph's entity. Catalog declares its key and resolves references from the key alone, so
/// the gateway can ask catalog for <c>Shop.products</c>.
/// </summary>
public sealed class ShopType : ExtendedEntityType<ShopType>
{
    public ShopType() : base("Shop")
    {
        Field<ConnectionType<ProductType, Product>, Connection<Product>>("products")
            .Description("The shop's products. Buyers see ACTIVE and OUT_OF_STOCK ones, and none while the shop is suspended or closed; the owner and admins may ask for every status. Null when catalog cannot be reached.")
            .Argument<ProductFilterInputType>("where", "Filters, as for Query.products; its shopId is ignored.")
            .Argument<ProductOrderType>("order", "Default: RELEVANCE with text, NEWEST without.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var filter = (context.GetArgument<ProductFilter?>("where") ?? new ProductFilter()) with { ShopId = context.Source.Id };
                return await ProductQueries.SearchAsync(context, filter);
            });
    }
}

/// <summary>A picture or video, owned by the media subgraph; catalog only holds ids.</summary>
public sealed class MediaType() : KeyOnlyEntityType<MediaType>("Media");
