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

        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop")
            .Description("The shop selling it (resolved by the shops subgraph).")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field(p => p.Title);
        Field(p => p.Description, nullable: true);
        Field<BrandType, IDataLoaderResult<Brand?>>("brand")
            .Resolve(context => context.Source.BrandId is { } id ? context.Loader<BrandByIdLoader>().Load(id) : Nothing<Brand>());
        Field(p => p.Model, nullable: true);
        Field<CategoryType, IDataLoaderResult<Category?>>("category")
            .Resolve(context => context.Source.CategoryId is { } id ? context.Loader<CategoryByIdLoader>().Load(id) : Nothing<Category>());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductAttributeType>>>, IEnumerable<NameValue>>("attributes")
            .Description("Name/value pairs such as material or origin.")
            .Resolve(context => context.Source.Attributes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaType>>>, IDataLoaderResult<IEnumerable<EntityReference<MediaType>>>>("media")
            .Description("The gallery, in order (resolved by the media subgraph).")
            .Resolve(context => context.Loader<MediaByProductLoader>().Load(context.Source.Id)
                .Then(media => (media ?? []).Select(m => EntityReference.To<MediaType>(m.MediaId))));
        Field(p => p.WeightGrams).Description("Shipping weight in grams.");
        Field<DimensionsType, Dimensions>("dimensions").Description("Shipping size, when the seller gave it.").Resolve(context => context.Source.Dimensions);
        Field<NonNullGraphType<ProductStatusType>, ProductStatus>("status").Resolve(context => context.Source.Status);
        Field<NonNullGraphType<MoneyType>, Money>("price")
            .Description("The list price.")
            .Resolve(context => new Money(context.Source.Price, context.Source.Currency));
        Field<NonNullGraphType<MoneyType>, Money>("effectivePrice")
            .Description("What a buyer pays now: the sale price while a discount runs, else the list price.")
            .Resolve(context => new Money(context.Source.EffectivePriceAt(context.Service<TimeProvider>().GetUtcNow()), context.Source.Currency));
        Field<ProductDiscountType, Product>("discount")
            .Description("The discount scheduled or running, if any.")
            .Resolve(context => context.Source.SalePrice is null ? null : context.Source);
        Field<NonNullGraphType<ConnectionType<PriceChangeType, PriceChange>>, Connection<PriceChange>>("priceHistory")
            .Description("Every list price the product had, newest first.")
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
            .Resolve(context => context.Loader<VariantsByProductLoader>().Load(context.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, List<Product>>("related")
            .Description("Products buyers also look at: the same category and brand first, then the same category.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxRelated} (default 10).")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? 10;
                if (first is < 1 or > MaxRelated)
                    throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxRelated}.");
                return await Search.RelatedProducts.FindAsync(context.Service<CatalogDbContext>(), context.Source, first, context.CancellationToken);
            });
        Field<NonNullGraphType<FloatGraphType>, decimal>("ratingAverage")
            .Description("Average review rating, 0 to 5 (0 until the product has reviews).")
            .Resolve(context => context.Source.RatingAverage);
        Field(p => p.RatingCount);
        Field(p => p.SoldCount).Description("Units sold through checkouts.");
        Field(p => p.CreatedAt);
        Field(p => p.UpdatedAt);
    }

    internal static IDataLoaderResult<T?> Nothing<T>() where T : class => new KnownValue<T?>(null);
}

public sealed class ProductStatusType : EnumerationGraphType<ProductStatus>
{
    public ProductStatusType()
    {
        Name = "ProductStatus";
        Description = "DRAFT and ARCHIVED are hidden from buyers; OUT_OF_STOCK follows availability.";
    }
}

public sealed class ProductAttributeType : ObjectGraphType<NameValue>
{
    public ProductAttributeType()
    {
        Name = "ProductAttribute";
        Description = "A name/value pair, e.g. Chất liệu: Cotton.";
        Field(a => a.Name);
        Field(a => a.Value);
    }
}

public sealed class VariantOptionType : ObjectGraphType<NameValue>
{
    public VariantOptionType()
    {
        Name = "VariantOption";
        Description = "One choice that makes a variant, e.g. Màu: Đỏ.";
        Field(a => a.Name);
        Field(a => a.Value);
    }
}

public sealed class DimensionsType : ObjectGraphType<Dimensions>
{
    public DimensionsType()
    {
        Name = "Dimensions";
        Description = "A parcel's size in centimetres.";
        Field(d => d.LengthCm);
        Field(d => d.WidthCm);
        Field(d => d.HeightCm);
    }
}

public sealed class ProductDiscountType : ObjectGraphType<Product>
{
    public ProductDiscountType()
    {
        Name = "ProductDiscount";
        Description = "A time-bound sale price.";
        Field<NonNullGraphType<MoneyType>, Money>("salePrice").Resolve(context => new Money(context.Source.SalePrice!.Value, context.Source.Currency));
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("startsAt").Resolve(context => context.Source.SaleStartsAt!.Value);
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("endsAt").Resolve(context => context.Source.SaleEndsAt!.Value);
        Field<NonNullGraphType<BooleanGraphType>, bool>("active")
            .Description("Whether the sale price applies right now.")
            .Resolve(context => context.Source.DiscountRunsAt(context.Service<TimeProvider>().GetUtcNow()));
        Field<NonNullGraphType<IntGraphType>, int>("percentOff")
            .Description("How much below the list price, in whole percent.")
            .Resolve(context => (int)Math.Round((1 - context.Source.SalePrice!.Value / context.Source.Price) * 100, MidpointRounding.AwayFromZero));
    }
}

public sealed class PriceChangeType : ObjectGraphType<PriceChange>
{
    public PriceChangeType()
    {
        Name = "PriceChange";
        Description = "One entry of a price history.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.VariantId, type: typeof(IdGraphType)).Description("The variant whose price changed; null for the product's own price.");
        Field<NonNullGraphType<MoneyType>, Money>("price").Resolve(context => new Money(context.Source.Price, context.Source.Currency));
        Field<MoneyType, Money>("previousPrice")
            .Description("Null for the first price.")
            .Resolve(context => context.Source.PreviousPrice is { } previous ? new Money(previous, context.Source.Currency) : null);
        Field(c => c.ActorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The user who set the price.");
        Field(c => c.ChangedAt);
    }
}
