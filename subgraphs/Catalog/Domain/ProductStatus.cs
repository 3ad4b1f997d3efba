using System.ComponentModel;

namespace GoShop.Catalog.Domain;

/// <summary>
/// Where a product stands. Sellers move between DRAFT, ACTIVE and ARCHIVED; OUT_OF_STOCK is not chosen but follows
/// availability: an ACTIVE product becomes OUT_OF_STOCK when nothing is available and ACTIVE again when stock returns.
/// Buyers see ACTIVE and OUT_OF_STOCK products; DRAFT and ARCHIVED ones only their shop's owner and admins.
/// </summary>
public enum ProductStatus
{
    [Description("Being prepared: hidden from buyers and not for sale.")]
    Draft,

    [Description("For sale, with units available.")]
    Active,

    [Description("Listed, but nothing is available. Set by GoShop, not by sellers: an ACTIVE product turns OUT_OF_STOCK when its last unit is taken and ACTIVE again when stock returns.")]
    OutOfStock,

    [Description("Taken off sale by the seller (deleted products read ARCHIVED too): hidden from buyers and not for sale.")]
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
