using GoShop.BuildingBlocks.Domain;

namespace GoShop.Cart.Domain;

/// <summary>
/// What catalog says about a product (or one variant of it) right now, asked at the moment a buyer puts it in the cart:
/// the shop selling it, whether it is for sale, how many are available and the unit price a buyer pays.
/// </summary>
public sealed record ProductOffer(
    Guid ProductId, Guid? VariantId, Guid ShopId, string Status, int Available, decimal UnitPrice, string Currency)
{
    /// <summary>Why it cannot go in a cart at all, whatever the quantity; null when it is for sale.</summary>
    public DomainError? Refusal => Status switch
    {
        ProductStatuses.Active => null,
        ProductStatuses.OutOfStock => CartErrors.OutOfStock(0),
        _ => CartErrors.ProductUnavailable,
    };
}
