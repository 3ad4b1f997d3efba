using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Mutations;
using GoShop.Catalog.GraphQL.Queries;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Search;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL;

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services, CatalogQuery query, CatalogMutation mutation)
        : base(services)
    {
        Description = "GoShop catalog: products, variants, categories, brands, prices and inventory.";
        Query = query;
        Mutation = mutation;
        // Reached only through _entities (the gateway's Shop.products and Product references): registered explicitly.
        this.RegisterType<ShopType>();
        this.RegisterType<ProductVariantType>();
        this.RegisterType<BrandType>();
        // The CLR types of input fields map to these graph types rather than to auto-generated ones of the same name.
        this.RegisterTypeMapping<ProductStatus, ProductStatusType>();
        this.RegisterTypeMapping<ProductOrder, ProductOrderType>();
        this.RegisterTypeMapping<MovementKind, MovementKindType>();
    }
}

public sealed class CatalogQuery : ObjectGraphType
{
    public CatalogQuery()
    {
        Name = "Query";
        ProductQueries.AddTo(this);
        CategoryQueries.AddTo(this);
    }
}

public sealed class CatalogMutation : ObjectGraphType
{
    public CatalogMutation()
    {
        Name = "Mutation";
        ProductMutations.AddTo(this);
        PriceMutations.AddTo(this);
        InventoryMutations.AddTo(this);
        CategoryMutations.AddTo(this);
    }
}
