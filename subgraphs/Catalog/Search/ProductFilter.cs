using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;
using GoShop.Catalog.Domain;

namespace GoShop.Catalog.Search;

/// <summary>The <c>where:</c> of <c>products</c> and <c>Shop.products</c>. Every filter given must hold.</summary>
public sealed record ProductFilter
{
    [Description("Words to find in the title, model or description. Diacritics are optional (\"dien thoai\" finds \"Điện thoại\"), the last word matches as a prefix, and titles within a small typo match too. At most 200 characters.")]
    public string? Text { get; init; }

    [Description("This category or any of its subcategories.")]
    public Guid? CategoryId { get; init; }

    [Description("Only this brand's products (a Brand.id).")]
    public Guid? BrandId { get; init; }

    [Description("A brand by name, ignoring case and diacritics.")]
    public string? Brand { get; init; }

    [Description("The whole model, ignoring case.")]
    public string? Model { get; init; }

    [Description("Lowest effective price in VND (what a buyer pays now, after any running discount), 0 or more.")]
    public decimal? MinPrice { get; init; }

    [Description("Highest effective price in VND (what a buyer pays now, after any running discount), 0 or more and not below minPrice.")]
    public decimal? MaxPrice { get; init; }

    [Description("Lowest average rating, 0 to 5.")]
    public double? MinRating { get; init; }

    [Description("Only this shop's products. Shop.products ignores it: it always lists its own shop's.")]
    public Guid? ShopId { get; init; }

    [Description("Only products of shops within radiusKm of this point.")]
    public GeoPoint? Near { get; init; }

    [Description("The radius around near, in kilometres: above 0, at most 500 (default 10). Needs near.")]
    public double? RadiusKm { get; init; }

    [Description("Only products that can be bought now (ACTIVE ones).")]
    public bool? InStockOnly { get; init; }

    [Description("Statuses to include (default ACTIVE and OUT_OF_STOCK). DRAFT and ARCHIVED products appear only to their shop's owner and admins.")]
    public List<ProductStatus>? Status { get; init; }
}

/// <summary>How <c>products</c> are ordered. Ties are broken by id, so paging is stable.</summary>
public enum ProductOrder
{
    [Description("Best text match first (the default with text; NEWEST without).")]
    Relevance,

    [Description("Cheapest effective price first.")]
    PriceAsc,

    [Description("Dearest effective price first.")]
    PriceDesc,

    [Description("Most recently listed first (the default without text).")]
    Newest,

    [Description("Most units sold first.")]
    BestSelling,

    [Description("Highest average rating first.")]
    Rating,
}
