using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Catalog.GraphQL.Types;

public sealed class ProductVariantType : ObjectGraphType<ProductVariant>
{
    public ProductVariantType()
    {
        Name = "ProductVariant";
        Description = "One way to buy a product (colour, size...), with its own SKU, price and stock.";
        this.Key("id");
        this.ResolveReference<EntityKey, ProductVariant>((context, reference) => context.Loader<VariantByIdLoader>().Load(reference.Id));

        Field(v => v.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(v => v.Sku).Description("Unique within the shop.");
        Field(v => v.Title).Description("The option values, e.g. \"Đỏ / XL\".");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VariantOptionType>>>, IEnumerable<NameValue>>("options")
            .Resolve(context => context.Source.Options);
        Field<NonNullGraphType<ProductType>, IDataLoaderResult<Product?>>("product")
            .Resolve(context => context.Loader<ProductByIdLoader>().Load(context.Source.ProductId));
        Field<NonNullGraphType<MoneyType>, IDataLoaderResult<Money>>("price")
            .Description("The variant's list price.")
            .Resolve(context =>
            {
                var variant = context.Source;
                return context.Loader<ProductByIdLoader>().Load(variant.ProductId).Then(p => new Money(variant.Price, p!.Currency));
            });
        Field<NonNullGraphType<MoneyType>, IDataLoaderResult<Money>>("effectivePrice")
            .Description("What a buyer pays now: the product's running discount applies in the same proportion.")
            .Resolve(context =>
            {
                var variant = context.Source;
                var now = context.Service<TimeProvider>().GetUtcNow();
                return context.Loader<ProductByIdLoader>().Load(variant.ProductId)
                    .Then(p => new Money(p!.EffectivePriceOf(variant.Price, now), p.Currency));
            });
        Field<NonNullGraphType<InventoryType>, IDataLoaderResult<InventoryView>>("inventory")
            .Resolve(context =>
            {
                var variant = context.Source;
                return new Combined<Product?, IReadOnlyList<StockView>?, InventoryView>(
                    context.Loader<ProductByIdLoader>().Load(variant.ProductId),
                    context.Loader<StockByProductLoader>().Load(variant.ProductId),
                    (product, rows) => InventoryView.Of(product!, variant.Id, rows ?? []));
            });
        Field(v => v.CreatedAt);
    }
}
