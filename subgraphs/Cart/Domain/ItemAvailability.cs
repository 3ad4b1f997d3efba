using System.ComponentModel;

namespace GoShop.Cart.Domain;

/// <summary>
/// Whether a cart line can be bought as it stands, from the read model of catalog's products. Only AVAILABLE lines
/// count toward the totals; the others stay in the cart, flagged, for the buyer to change or remove.
/// </summary>
public enum ItemAvailability
{
    [Description("Can be bought as it stands: counts toward the totals.")]
    Available,

    [Description("Fewer units are available than the line asks for (see available): lower the quantity.")]
    InsufficientStock,

    [Description("No unit is available now: the product, or this variant of it, is out of stock.")]
    OutOfStock,

    [Description("The product is not for sale (a draft or archived), or the cart knows nothing of it.")]
    Unavailable,

    [Description("The seller deleted the product: it will not come back.")]
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
