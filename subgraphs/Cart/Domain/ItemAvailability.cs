namespace GoShop.Cart.Domain;

/// <summary>
/// Whether a cart line can be bought as it stands, from the read model of catalog's products. Only AVAILABLE lines
/// count toward the totals; the others stay in the cart, flagged, for the buyer to change or remove.
/// </summary>
public enum ItemAvailability
{
    Available,
    InsufficientStock,
    OutOfStock,
    Unavailable,
    Deleted,
}

public static class ItemAvailabilities
{
    /// <summary>Where a line of <paramref name="quantity"/> stands given the product's copy and the units available.</summary>
    public static ItemAvailability Of(ProductCopy? product, int available, int quantity)
    {
        if (product is null)
            return ItemAvailability.Unavailable;
        if (product.IsDeleted)
            return ItemAvailability.Deleted;
        if (product.Status is not (ProductStatuses.Active or ProductStatuses.OutOfStock))
            return ItemAvailability.Unavailable;
        if (product.Status == ProductStatuses.OutOfStock || available <= 0)
            return ItemAvailability.OutOfStock;
        return available < quantity ? ItemAvailability.InsufficientStock : ItemAvailability.Available;
    }
}
