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

        Field(v => v.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("ProductVariant"));
        Field(v => v.Sku).Description("The seller's stock-keeping unit, 1 to 64 characters, unique among the shop's variants.");
        Field(v => v.Title).Description("The option values, e.g. \"Đỏ / XL\".");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VariantOptionType>>>, IEnumerable<NameValue>>("options")
            .Description("The 1 to 5 choices that make this variant, in the seller's order, e.g. Màu: Đỏ then Size: XL.")
            .Resolve(context => context.Source.Options);
        Field<NonNullGraphType<ProductType>, IDataLoaderResult<Product?>>("product")
            .Description("The product it is a variant of.")
            .Resolve(context => context.Loader<ProductByIdLoader>().Load(context.Source.ProductId));
        Field<NonNullGraphType<MoneyType>, IDataLoaderResult<Money>>("price")
            .Description("The variant's list price, before the product's discount (VND).")
            .Resolve(context =>
            {
                var variant = context.Source;
                return context.Loader<ProductByIdLoader>().Load(variant.ProductId).Then(p => new Money(variant.Price, p!.Currency));
            });
        Field<NonNullGraphType<MoneyType>, IDataLoaderResult<Money>>("effectivePrice")
            .Description("What a buyer pays now: while the product's discount runs, the variant's price takes the same share off (rounded "
                + "to whole đồng); otherwise the list price.")
            .Resolve(context =>
            {
                var variant = context.Source;
                var now = context.Service<TimeProvider>().GetUtcNow();
                return context.Loader<ProductByIdLoader>().Load(variant.ProductId)
                    .Then(p => new Money(p!.EffectivePriceOf(variant.Price, now), p.Currency));
            });
        Field<NonNullGraphType<InventoryType>, IDataLoaderResult<InventoryView>>("inventory")
            .Description("This variant's own stock. Its low-stock threshold is the product's.")
            .Resolve(context =>
            {
                var variant = context.Source;
                return new Combined<Product?, IReadOnlyList<StockView>?, InventoryView>(
                    context.Loader<ProductByIdLoader>().Load(variant.ProductId),
                    context.Loader<StockByProductLoader>().Load(variant.ProductId),
                    (product, rows) => InventoryView.Of(product!, variant.Id, rows ?? []));
            });
        Field(v => v.CreatedAt).Description("When the variant was added.");
    }
}
