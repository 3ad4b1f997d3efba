using GoShop.BuildingBlocks.Domain;

namespace GoShop.Cart.Domain;

/// <summary>The expected failures of the cart domain, with their stable codes.</summary>
public static class CartErrors
{
    public static DomainError ProductNotFound { get; } = new("PRODUCT_NOT_FOUND", "No product with this id is for sale.", "productId");
    public static DomainError VariantNotFound { get; } = new("PRODUCT_NOT_FOUND", "This product has no variant with this id.", "variantId");
    public static DomainError ProductUnavailable { get; } = new("PRODUCT_UNAVAILABLE", "This product is not for sale right now.", "productId");
    public static DomainError CartItemNotFound { get; } = new("CART_ITEM_NOT_FOUND", "Your cart has no item with this id.", "itemId");
    public static DomainError CatalogUnavailable { get; } = new("CATALOG_UNAVAILABLE", "Products cannot be checked right now; try again shortly.");
    public static DomainError ShopNotInCart { get; } = new("SHOP_NOT_IN_CART", "Your cart has nothing from this shop to apply a coupon to.", "shopId");
    public static DomainError CouponNotApplied { get; } = new("COUPON_NOT_APPLIED", "No coupon is applied to this shop's items.", "shopId");
    public static DomainError CartEmpty { get; } = new("CART_EMPTY", "Your cart is empty; there is nothing to save.");
    public static DomainError SavedCartNameTaken { get; } = new("SAVED_CART_NAME_TAKEN", "You already have a saved cart with this name.", "name");
    public static DomainError SavedCartNotFound { get; } = new("SAVED_CART_NOT_FOUND", "You have no saved cart with this id.", "savedCartId");

    public static DomainError QuantityOutOfRange(int alreadyInCart = 0) => new("QUANTITY_OUT_OF_RANGE",
        alreadyInCart > 0
            ? $"A cart line holds {CartItem.MinQuantity} to {CartItem.MaxQuantity}; you already have {alreadyInCart}."
            : $"A cart line holds {CartItem.MinQuantity} to {CartItem.MaxQuantity}.",
        "quantity");

    public static DomainError OutOfStock(int available, int alreadyInCart = 0) => new("OUT_OF_STOCK",
        (available <= 0 ? "This product is out of stock." : $"Only {available} available.")
            + (alreadyInCart > 0 && available > 0 ? $" You already have {alreadyInCart} in your cart." : ""),
        "quantity");

    public static DomainError CartFull { get; } = new("CART_FULL",
        $"A cart holds at most {ShoppingCart.MaxLines} different products; remove some first.");

    public static DomainError SavedCartLimitReached { get; } = new("SAVED_CART_LIMIT_REACHED",
        $"You can keep at most {SavedCart.MaxPerUser} saved carts; delete one first.");
}
