using GoShop.Cart.Domain;

namespace GoShop.Cart.Caching;

/// <summary>
/// A buyer's cart as it is stored in PostgreSQL, in the form the Redis copy keeps and the cart views are built from:
/// its lines and coupons, without prices (those come from the product read model when the cart is read). A buyer
/// without a cart has one with no id, version 0 and nothing in it.
/// </summary>
public sealed record CartState(
    Guid? CartId,
    Guid UserId,
    long Version,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<CartLineState> Items,
    IReadOnlyList<CartCouponState> Coupons)
{
    public static CartState None(Guid userId) => new(null, userId, 0, null, [], []);

    public static CartState Of(ShoppingCart cart) => new(
        cart.Id,
        cart.UserId,
        cart.Version,
        cart.UpdatedAt,
        cart.Items.OrderBy(i => i.Position)
            .Select(i => new CartLineState(i.Id, i.ProductId, i.VariantId, i.ShopId, i.Quantity, i.AddedAtPrice, i.Currency, i.AddedAt))
            .ToList(),
        cart.Coupons.OrderBy(c => c.ShopId).Select(c => new CartCouponState(c.ShopId, c.Code)).ToList());
}

public sealed record CartLineState(
    Guid Id, Guid ProductId, Guid? VariantId, Guid ShopId, int Quantity, decimal AddedAtPrice, string Currency, DateTimeOffset AddedAt);

public sealed record CartCouponState(Guid ShopId, string Code);
