namespace GoShop.Catalog.Domain;

/// <summary>
/// Where a product stands. Sellers move between DRAFT, ACTIVE and ARCHIVED; OUT_OF_STOCK is not chosen but follows
/// availability: an ACTIVE product becomes OUT_OF_STOCK when nothing is available and ACTIVE again when stock returns.
/// Buyers see ACTIVE and OUT_OF_STOCK products; DRAFT and ARCHIVED ones only their shop's owner and admins.
/// </summary>
public enum ProductStatus
{
    Draft,
    Active,
    OutOfStock,
    Archived,
}

public static class ProductStatuses
{
    public static IReadOnlyList<ProductStatus> Public { get; } = [ProductStatus.Active, ProductStatus.OutOfStock];

    public static bool IsPublic(this ProductStatus status) => status is ProductStatus.Active or ProductStatus.OutOfStock;

    /// <summary>The UPPER_SNAKE name the API and the integration events use.</summary>
    public static string ToContractName(this ProductStatus status) => status switch
    {
        ProductStatus.Draft => "DRAFT",
        ProductStatus.Active => "ACTIVE",
        ProductStatus.OutOfStock => "OUT_OF_STOCK",
        ProductStatus.Archived => "ARCHIVED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
