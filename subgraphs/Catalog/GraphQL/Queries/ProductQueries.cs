using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Catalog.Data;
using GoShop.Catalog.Domain;
using GoShop.Catalog.GraphQL.Loaders;
using GoShop.Catalog.GraphQL.Types;
using GoShop.Catalog.Search;
using GoShop.Catalog.Shops;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.GraphQL.Queries;

public sealed class ProductFilterInputType : AutoRegisteringInputObjectGraphType<ProductFilter>
{
    public ProductFilterInputType()
    {
        Name = "ProductFilterInput";
        Description = "Which products a list returns: every filter given must hold. With none, every ACTIVE and OUT_OF_STOCK product "
            + "you may see (those of a suspended or closed shop only its owner and admins see).";
    }
}

public sealed class ProductOrderType : EnumerationGraphType<ProductOrder>
{
    public ProductOrderType()
    {
        Name = "ProductOrder";
        Description = "How a list of products is sorted. Ties are broken by id, so paging never repeats or skips a product that did not change.";
    }
}

/// <summary>product(id), products(where, order, first, after), brands and lowStockProducts(shopId).</summary>
public static class ProductQueries
{
    public const int MaxBrands = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ProductType, Product>("product")
            .Description("A product by id; null when no product has this id, it was deleted, or, unless you are its shop's owner or "
                + "an admin, it is DRAFT or ARCHIVED or its shop is off the market (suspended or closed), as products and Shop.products "
                + "hide it. An order's lines still reach their products whatever became of them.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The product's id.")
            .ResolveAsync(async context =>
            {
                var product = await context.Loader<ProductByIdLoader>().Load(context.GetArgument<Guid>("id")).GetResultAsync(context.CancellationToken);
                if (product is null || product.IsDeleted)
                    return null;
                var shop = await context.Loader<ShopCopyByIdLoader>().Load(product.ShopId).GetResultAsync(context.CancellationToken);
                var onTheMarket = shop is null || shop.Status == ShopCopy.Active;
                if (product.Status.IsPublic() && onTheMarket)
                    return product;
                return context.Service<ShopAccess>().CanSee(shop) ? product : null;
            });

        query.Field<NonNullGraphType<ConnectionType<ProductType, Product>>, Connection<Product>>("products")
            .Description("Search and browse products; anyone may ask, signed in or not. Products of a suspended or closed shop are found only "
                + "by its owner and admins. A filter value out of bounds (see ProductFilterInput), or a cursor from another order, is a "
                + "BAD_USER_INPUT error.")
            .Argument<ProductFilterInputType>("where", "Filters; left out, every ACTIVE and OUT_OF_STOCK product.")
            .Argument<ProductOrderType>("order", "Default: RELEVANCE with text, NEWEST without.")
            .PageArguments("The endCursor of the previous page (with the same order).")
            .ResolveAsync(async context => await SearchAsync(context, context.GetArgument<ProductFilter?>("where") ?? new ProductFilter()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BrandType>>>, List<Brand>>("brands")
            .Description("Brands by name, alphabetically.")
            .Argument<StringGraphType>("search", "The start of the name, ignoring case and diacritics.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxBrands} (default 20).")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? 20;
                if (first is < 1 or > MaxBrands)
                    throw GraphQLErrors.BadUserInput($"'first' must be between 1 and {MaxBrands}.");
                var brands = context.Service<CatalogDbContext>().Brands.AsNoTracking();
                if (context.GetArgument<string?>("search") is { Length: > 0 } search)
                {
                    var prefix = Slugs.From(search);
                    brands = brands.Where(b => b.Slug.StartsWith(prefix));
                }
                return await brands.OrderBy(b => b.Slug).Take(first).ToListAsync(context.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionType<ProductType, Product>>, Connection<Product>>("lowStockProducts")
            .Description("A shop's products, whatever their status (deleted ones excepted), whose available units are at or below their "
                + "low-stock threshold, in the order they were listed. Only the shop's owner and admins: anyone else gets a FORBIDDEN error.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("shopId", "The shop whose stock to check.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var shopId = context.GetArgument<Guid>("shopId");
                var page = context.Page();
                var db = context.Service<CatalogDbContext>();
                var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shopId, context.CancellationToken);
                if (!context.Service<ShopAccess>().CanSee(shop))
                    throw GraphQLErrors.Forbidden("Only the shop's owner and admins can see its stock levels.");
                // The cached rows' availability; reservations expired but not yet swept (seconds at most) still count here.
                return await db.Products.AsNoTracking()
                    .Where(p => p.ShopId == shopId && p.DeletedAt == null)
                    .Where(p => db.StockItems.Where(s => s.ProductId == p.Id).Sum(s => s.OnHand - s.Reserved) <= p.LowStockThreshold)
                    .ToConnectionByIdAsync(p => p.Id, page, newestFirst: false, context.CancellationToken);
            });
    }

    /// <summary>Runs a product search for the signed-in viewer (Query.products and Shop.products).</summary>
    public static Task<Connection<Product>> SearchAsync(IResolveFieldContext context, ProductFilter filter)
    {
        ProductSearch.Validate(filter);
        var page = context.Page();
        var user = context.Service<ICurrentUser>();
        var viewer = Viewer.Of(user);
        return ProductSearch.RunAsync(context.Service<CatalogDbContext>(), filter, context.GetArgument<ProductOrder?>("order"), page, viewer,
            context.Service<TimeProvider>().GetUtcNow(), context.CancellationToken);
    }
}
