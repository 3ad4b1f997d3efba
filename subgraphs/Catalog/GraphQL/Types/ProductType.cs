using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.GraphQL.Types;

public sealed class ProductType : ObjectGraphType<Product>
{
    public const int MaxRelated = 50;

    public ProductType()
    {
        Name = "Product";
        Description = "Something a shop sells. Buyers see ACTIVE and OUT_OF_STOCK products; DRAFT and ARCHIVED ones only the shop's owner and admins.";
        this.Key("id");
        this.ResolveReference<EntityKey, Product>((context, reference) => context.Loader<ProductByIdLoader>().Load(reference.Id));

        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Product"));
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop selling it (resolved by the shops subgraph). Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(p => p.Title).Description("The product's name, 1 to 200 characters.");
        Field(p => p.Description, nullable: true).Description("The seller's description, up to 5,000 characters; null when there is none.");
        Field<BrandType, IDataLoaderResult<Brand?>>("brand")
            .Description("The brand; null when the seller named none.")
            .Resolve(context => context.Source.BrandId is { } id ? context.Loader<BrandByIdLoader>().Load(id) : Nothing<Brand>());
        Field(p => p.Model, nullable: true).Description("The model name or number, up to 100 characters; null when there is none.");
        Field<CategoryType, IDataLoaderResult<Category?>>("category")
            .Description("Where it sits in the category tree; null when the seller chose no category.")
            .Resolve(context => context.Source.CategoryId is { } id ? context.Loader<CategoryByIdLoader>().Load(id) : Nothing<Category>());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductAttributeType>>>, IEnumerable<NameValue>>("attributes")
            .Description("Up to 30 name/value pairs such as material or origin, in the seller's order.")
            .Resolve(context => context.Source.Attributes);
        Field<NonNullGraphType<ListGraphType<MediaType>>, IDataLoaderResult<IEnumerable<EntityReference<MediaType>>>>("media")
            .Description("The gallery, up to 20 pictures or videos in order (resolved by the media subgraph); empty when there are none. An item is null when media cannot be reached.")
            .Resolve(context => context.Loader<MediaByProductLoader>().Load(context.Source.Id)
                .Then(media => (media ?? []).Select(m => EntityReference.To<MediaType>(m.MediaId))));
        Field(p => p.WeightGrams).Description("Shipping weight in grams, 1 to 1,000,000.");
        Field<DimensionsType, Dimensions>("dimensions").Description("Shipping size; null when the seller gave none.").Resolve(context => context.Source.Dimensions);
        Field<NonNullGraphType<ProductStatusType>, ProductStatus>("status")
            .Description("Where it stands: DRAFT, ACTIVE, OUT_OF_STOCK or ARCHIVED. A deleted product (still reachable from past orders) reads ARCHIVED.")
            .Resolve(context => context.Source.Status);
        Field<NonNullGraphType<MoneyType>, Money>("price")
            .Description("The list price, before any discount (VND).")
            .Resolve(context => new Money(context.Source.Price, context.Source.Currency));
        Field<NonNullGraphType<MoneyType>, Money>("effectivePrice")
            .Description("What a buyer pays now: the sale price while a discount runs, else the list price.")
            .Resolve(context => new Money(context.Source.EffectivePriceAt(context.Service<TimeProvider>().GetUtcNow()), context.Source.Currency));
        Field<ProductDiscountType, Product>("discount")
            .Description("The discount the seller set, whether scheduled, running or already ended (see active); null when none was set or "
                + "it was removed.")
            .Resolve(context => context.Source.SalePrice is null ? null : context.Source);
        Field<NonNullGraphType<ConnectionType<PriceChangeType, PriceChange>>, Connection<PriceChange>>("priceHistory")
            .Description("Every list price the product and its variants had, newest first; the oldest entry of each is the price it was "
                + "listed at. Anyone may read it.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var productId = context.Source.Id;
                return await context.Service<CatalogDbContext>().PriceChanges.AsNoTracking()
                    .Where(c => c.ProductId == productId)
                    .ToConnectionByIdAsync(c => c.Id, page, newestFirst: true, context.CancellationToken);
            });
        Field<NonNullGraphType<InventoryType>, IDataLoaderResult<InventoryView>>("inventory")
            .Description("Stock of the product and all its variants together.")
            .Resolve(context =>
            {
                var product = context.Source;
                return context.Loader<StockByProductLoader>().Load(product.Id)
                    .Then(rows => InventoryView.Of(product, null, rows ?? []));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantType>>>, IDataLoaderResult<IReadOnlyList<ProductVariant>?>>("variants")
            .Description("Its variants (at most 100), oldest first; empty when the product is sold as one item.")
            .Resolve(context => context.Loader<VariantsByProductLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, List<Product>>("related")
            .Description("Other ACTIVE and OUT_OF_STOCK products of the same category, best sellers first, with those of the same brand "
                + "ahead of the rest. A product without a category gets its brand's best sellers; one with neither, none.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxRelated} (default 10).")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? 10;
                if (first is < 1 or > MaxRelated)
                    throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxRelated}.");
                return await Search.RelatedProducts.FindAsync(context.Service<CatalogDbContext>(), context.Source, first, context.CancellationToken);
            });
        Field<NonNullGraphType<FloatGraphType>, decimal>("ratingAverage")
            .Description("Average rating of the product's published reviews, 0 to 5 (two decimals); 0 while there are none. Follows "
                + "the reviews subgraph within moments of each review change; Product.ratingSummary has the full breakdown.")
            .Resolve(context => context.Source.RatingAverage);
        Field(p => p.RatingCount).Description("How many published reviews ratingAverage averages; 0 while there are none.");
        Field(p => p.SoldCount).Description("Units sold, counted when their order is delivered.");
        Field(p => p.CreatedAt).Description("When the product was listed.");
        Field(p => p.UpdatedAt).Description("When anything about it last changed: details, price, discount, status, gallery, units sold.");
    }

    internal static IDataLoaderResult<T?> Nothing<T>() where T : class => new KnownValue<T?>(null);
}

public sealed class ProductStatusType : EnumerationGraphType<ProductStatus>
{
    public ProductStatusType()
    {
        Name = "ProductStatus";
        Description = "Where a product stands. Sellers choose DRAFT, ACTIVE or ARCHIVED; OUT_OF_STOCK follows availability. DRAFT and "
            + "ARCHIVED products are hidden from buyers.";
    }
}

public sealed class ProductAttributeType : ObjectGraphType<NameValue>
{
    public ProductAttributeType()
    {
        Name = "ProductAttribute";
        Description = "A name/value pair, e.g. Chất liệu: Cotton.";
        Field(a => a.Name).Description("The attribute's name, e.g. Chất liệu (up to 100 characters).");
        Field(a => a.Value).Description("Its value, e.g. Cotton (up to 500 characters).");
    }
}

public sealed class VariantOptionType : ObjectGraphType<NameValue>
{
    public VariantOptionType()
    {
        Name = "VariantOption";
        Description = "One choice that makes a variant, e.g. Màu: Đỏ.";
        Field(a => a.Name).Description("The option's name, e.g. Màu or Size (up to 100 characters).");
        Field(a => a.Value).Description("The value chosen, e.g. Đỏ or XL (up to 500 characters).");
    }
}

public sealed class DimensionsType : ObjectGraphType<Dimensions>
{
    public DimensionsType()
    {
        Name = "Dimensions";
        Description = "A parcel's size in centimetres.";
        Field(d => d.LengthCm).Description("Length in centimetres.");
        Field(d => d.WidthCm).Description("Width in centimetres.");
        Field(d => d.HeightCm).Description("Height in centimetres.");
    }
}

public sealed class ProductDiscountType : ObjectGraphType<Product>
{
    public ProductDiscountType()
    {
        Name = "ProductDiscount";
        Description = "A time-bound sale price. Variants are discounted in the same proportion as the product.";
        Field<NonNullGraphType<MoneyType>, Money>("salePrice")
            .Description("What a buyer pays for the product while the discount runs; below the list price it was set against.")
            .Resolve(context => new Money(context.Source.SalePrice!.Value, context.Source.Currency));
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("startsAt")
            .Description("When the sale price starts to apply.")
            .Resolve(context => context.Source.SaleStartsAt!.Value);
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("endsAt")
            .Description("When it stops applying (the list price applies from this instant).")
            .Resolve(context => context.Source.SaleEndsAt!.Value);
        Field<NonNullGraphType<BooleanGraphType>, bool>("active")
            .Description("Whether the sale price applies right now: startsAt has passed and endsAt has not.")
            .Resolve(context => context.Source.DiscountRunsAt(context.Service<TimeProvider>().GetUtcNow()));
        Field<NonNullGraphType<IntGraphType>, int>("percentOff")
            .Description("How much below the current list price, in whole percent (rounded half away from zero).")
            .Resolve(context => (int)Math.Round((1 - context.Source.SalePrice!.Value / context.Source.Price) * 100, MidpointRounding.AwayFromZero));
    }
}

public sealed class PriceChangeType : ObjectGraphType<PriceChange>
{
    public PriceChangeType()
    {
        Name = "PriceChange";
        Description = "One entry of a price history.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry's id.");
        Field(c => c.VariantId, type: typeof(IdGraphType)).Description("The variant whose price changed; null for the product's own price.");
        Field<NonNullGraphType<MoneyType>, Money>("price")
            .Description("The list price set.")
            .Resolve(context => new Money(context.Source.Price, context.Source.Currency));
        Field<MoneyType, Money>("previousPrice")
            .Description("The list price before this one; null for the price the product or variant was listed at.")
            .Resolve(context => context.Source.PreviousPrice is { } previous ? new Money(previous, context.Source.Currency) : null);
        Field(c => c.ActorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The user who set the price.");
        Field(c => c.ChangedAt).Description("When the price was set.");
    }
}
