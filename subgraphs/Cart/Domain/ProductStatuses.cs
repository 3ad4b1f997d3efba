namespace GoShop.Cart.Domain;

/// <summary>The product statuses catalog publishes that the cart acts on; any other (DRAFT, ARCHIVED) is not for sale.</summary>
public static class ProductStatuses
{
    public const string Active = "ACTIVE";

    public const string OutOfStock = "OUT_OF_STOCK";
}
