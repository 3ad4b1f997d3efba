using GoShop.BuildingBlocks.Domain;

namespace GoShop.Catalog.Domain;

/// <summary>The expected failures of the catalog domain, with their stable codes.</summary>
public static class CatalogErrors
{
    public static DomainError ProductNotFound { get; } = new("PRODUCT_NOT_FOUND", "No product with this id exists.", "productId");
    public static DomainError VariantNotFound { get; } = new("VARIANT_NOT_FOUND", "This product has no variant with this id.", "variantId");
    public static DomainError UnknownVariant { get; } = new("VARIANT_NOT_FOUND", "No variant with this id exists.", "variantId");
    public static DomainError ShopNotFound { get; } = new("SHOP_NOT_FOUND", "No shop with this id is known to the catalog.", "shopId");
    public static DomainError ShopsUnavailable { get; } = new("SHOPS_UNAVAILABLE", "The shop cannot be checked right now; try again shortly.", "shopId");
    public static DomainError ShopNotActive { get; } = new("SHOP_NOT_ACTIVE", "The shop is suspended or closed, so its products cannot change.", "shopId");
    public static DomainError NotShopOwner { get; } = new("FORBIDDEN", "Only the shop's owner or an admin can change its products.");
    public static DomainError CategoryNotFound { get; } = new("CATEGORY_NOT_FOUND", "No category with this id exists.", "categoryId");
    public static DomainError ParentCategoryNotFound { get; } = new("CATEGORY_NOT_FOUND", "No category with this id exists.", "parentId");
    public static DomainError CategoryCycle { get; } = new("CATEGORY_CYCLE", "A category cannot move under itself or one of its subcategories.", "parentId");
    public static DomainError CategoryHasChildren { get; } = new("CATEGORY_NOT_EMPTY", "Move or delete the subcategories first.", "categoryId");
    public static DomainError CategoryHasProducts { get; } = new("CATEGORY_NOT_EMPTY", "Move the category's products to another category first.", "categoryId");
    public static DomainError CategorySlugTaken { get; } = new("SLUG_TAKEN", "Another category already uses this slug.", "slug");
    public static DomainError PriceNotPositive { get; } = new("INVALID_PRICE", "The price must be greater than zero.", "price");
    public static DomainError PriceTooPrecise { get; } = new("INVALID_PRICE", "The price must be a whole number of đồng (VND has no smaller unit).", "price");
    public static DomainError PriceTooHigh { get; } = new("INVALID_PRICE", $"The price must be at most {Product.MaxPrice:N0}.", "price");
    public static DomainError PriceNotAboveSalePrice { get; } = new("PRICE_NOT_ABOVE_SALE_PRICE",
        "The new price is not above the running discount's sale price; remove or change the discount first.", "price");
    public static DomainError SalePriceNotPositive { get; } = new("INVALID_PRICE", "The sale price must be greater than zero.", "salePrice");
    public static DomainError DiscountNotBelowPrice { get; } = new("DISCOUNT_NOT_BELOW_PRICE", "The sale price must be below the product's price.", "salePrice");
    public static DomainError DiscountWindowInvalid { get; } = new("INVALID_DISCOUNT_WINDOW", "The discount must end after it starts.", "endsAt");
    public static DomainError DiscountAlreadyEnded { get; } = new("INVALID_DISCOUNT_WINDOW", "The discount would end in the past.", "endsAt");
    public static DomainError NoDiscount { get; } = new("NO_DISCOUNT", "The product has no discount to remove.", "productId");
    public static DomainError InvalidStatus { get; } = new("INVALID_STATUS", "A seller can set DRAFT, ACTIVE or ARCHIVED; OUT_OF_STOCK follows the stock.", "status");
    public static DomainError StockBelowReserved { get; } = new("STOCK_BELOW_RESERVED",
        "The adjustment would leave less stock on hand than is reserved for checkouts.", "delta");
    public static DomainError StockNegative { get; } = new("STOCK_BELOW_ZERO", "The adjustment would leave less than nothing on hand.", "delta");
    public static DomainError SkuTaken { get; } = new("SKU_TAKEN", "Another product or variant of this shop already uses this SKU.", "sku");
    public static DomainError TooManyVariants { get; } = new("VARIANT_LIMIT_REACHED", $"A product can have at most {Product.MaxVariants} variants.");
    public static DomainError MediaNotFound { get; } = new("MEDIA_NOT_FOUND", "No uploaded media with this id exists.", "mediaId");
    public static DomainError MediaNotOwned { get; } = new("FORBIDDEN", "You can attach only media you uploaded.", "mediaId");
    public static DomainError MediaAlreadyAttached { get; } = new("MEDIA_ALREADY_ATTACHED", "This media is already in the product's gallery.", "mediaId");
    public static DomainError MediaNotAttached { get; } = new("MEDIA_NOT_FOUND", "This media is not in the product's gallery.", "mediaId");
    public static DomainError TooManyMedia { get; } = new("MEDIA_LIMIT_REACHED", $"A product can show at most {Product.MaxMedia} media.");
    public static DomainError MediaUnavailable { get; } = new("MEDIA_UNAVAILABLE", "The media service cannot be reached right now; try again shortly.", "mediaId");
}
