using GoShop.BuildingBlocks.Domain;

namespace GoShop.Ordering.Domain;

/// <summary>The expected failures of the ordering domain, with their stable codes.</summary>
public static class OrderErrors
{
    public static DomainError OrderNotFound { get; } = new("ORDER_NOT_FOUND", "No order with this id exists.", "orderId");
    public static DomainError NotParticipant { get; } = new("NOT_ORDER_PARTICIPANT", "Only the order's buyer, its seller and admins can do this.", "orderId");
    public static DomainError ReasonRequired { get; } = new("REASON_REQUIRED", "Say why: this change needs a reason.", "reason");
    public static DomainError ReturnWindowClosed { get; } = new("RETURN_WINDOW_CLOSED", "The time to ask for a return of this order has passed.", "orderId");

    public static DomainError InvalidTransition(OrderStatus from, OrderStatus to) =>
        new("INVALID_TRANSITION", $"This order cannot go from {from.ToContractName()} to {to.ToContractName()}.", "orderId");

    public static DomainError ForbiddenActor(OrderAction action, IReadOnlyList<ActorRole> roles) =>
        new("FORBIDDEN_ACTOR",
            $"As the order's {string.Join(" or ", roles.Select(r => r.ToContractName()))} you cannot {action.ToContractName()} it.", "orderId");

    public static DomainError OnlyBuyerReorders { get; } = new("FORBIDDEN_ACTOR", "Only the order's buyer can order it again.", "orderId");

    public static DomainError AddressNotFound { get; } = new("ADDRESS_NOT_FOUND", "You have no address with this id.", "addressId");
    public static DomainError CartEmpty { get; } = new("CART_EMPTY", "Your cart is empty.");
    public static DomainError CannotBuyFromOwnShop { get; } = new("CANNOT_BUY_FROM_OWN_SHOP", "You cannot order from your own shop.");
    public static DomainError OneCouponPerShop { get; } = new("ONE_COUPON_PER_SHOP", "Only one coupon can be used per shop.", "couponCodes");

    public static DomainError CartItemNotFound(Guid itemId) =>
        new("CART_ITEM_NOT_FOUND", $"Your cart has no item {itemId}.", "cartItemIds");

    public static DomainError ProductGone(Guid productId) =>
        new("PRODUCT_UNAVAILABLE", $"Product {productId} is no longer sold.", "cartItemIds");

    public static DomainError ProductUnavailable(string title) =>
        new("PRODUCT_UNAVAILABLE", $"'{title}' is not for sale right now.", "cartItemIds");

    public static DomainError OutOfStock(string title, int requested, int available) =>
        new("OUT_OF_STOCK", available <= 0
            ? $"'{title}' is out of stock."
            : $"Only {available} of '{title}' left; you asked for {requested}.", "cartItemIds");

    public static DomainError TooManyProducts(int max) =>
        new("TOO_MANY_PRODUCTS", $"One checkout takes at most {max} different products; choose some of them with cartItemIds.", "cartItemIds");

    public static DomainError QuantityOutOfRange(string title) =>
        new("QUANTITY_OUT_OF_RANGE", $"The quantity of '{title}' in your cart must be at least 1.", "cartItemIds");

    public static DomainError CurrencyNotSupported(string title, string currency) =>
        new("CURRENCY_NOT_SUPPORTED", $"'{title}' is priced in {currency}; orders are paid in VND.", "cartItemIds");

    public static DomainError ShopUnavailable(string shopName) =>
        new("SHOP_UNAVAILABLE", $"The shop {shopName} is not taking orders right now.", "cartItemIds");

    public static DomainError UnknownShopUnavailable(Guid shopId) =>
        new("SHOP_UNAVAILABLE", $"Shop {shopId} is not taking orders.", "cartItemIds");

    public static DomainError CouponRefused(string code, string? reason, string? message) =>
        new(reason ?? "COUPON_NOT_APPLICABLE", message ?? $"Coupon {code} cannot be used on this order.", "couponCodes");

    public static DomainError CatalogUnavailable { get; } = new("CATALOG_UNAVAILABLE", "Products cannot be checked right now; try again shortly.");
    public static DomainError ShopsUnavailable { get; } = new("SHOPS_UNAVAILABLE", "Shops and coupons cannot be checked right now; try again shortly.");
    public static DomainError IdentityUnavailable { get; } = new("IDENTITY_UNAVAILABLE", "Your address cannot be checked right now; try again shortly.", "addressId");
    public static DomainError CartUnavailable { get; } = new("CART_UNAVAILABLE", "Your cart cannot be read right now; try again shortly.");
}
