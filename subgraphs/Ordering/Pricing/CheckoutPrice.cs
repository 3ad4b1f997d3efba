using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Domain;

namespace GoShop.Ordering.Pricing;

/// <summary>What to price: the buyer's cart (or some of its items), delivered to one of their addresses, with coupons.</summary>
/// <param name="CouponCodes">Codes to use; null uses the coupons applied in the cart.</param>
public sealed record CheckoutRequest(Guid BuyerId, Guid AddressId, IReadOnlyList<Guid>? CartItemIds, IReadOnlyList<string>? CouponCodes)
{
    /// <summary>
    /// Paid cash on delivery: shipping adds its cash-on-delivery surcharge on the goods' value. Placement and preview must
    /// say the same for the preview to be what placing charges.
    /// </summary>
    public bool CashOnDelivery { get; init; }
}

/// <summary>
/// A product (or variant) of the cart priced now, its cart items merged; <see cref="Issue"/> says why it cannot be
/// bought as it is (out of stock, not for sale).
/// </summary>
public sealed record PricedLine(IReadOnlyList<Guid> CartItemIds, ProductSummary Product, int Quantity, decimal UnitPrice, DomainError? Issue)
{
    public decimal LineTotal => UnitPrice * Quantity;

    public OrderLineDraft ToDraft() => new(Product.ProductId, Product.VariantId, Product.Title, Product.VariantTitle, Product.Sku,
        Quantity, UnitPrice, Product.WeightGrams);
}

/// <summary>A coupon that applies to a shop's part of the order, and what it takes off.</summary>
public sealed record PricedCoupon(string Code, Guid? PromotionId, decimal Discount);

/// <summary>The part of the checkout from one shop: what becomes one order, with its fees.</summary>
public sealed record ShopPrice(
    ShopSnapshot Shop,
    IReadOnlyList<PricedLine> Lines,
    IReadOnlyList<PricedCoupon> Coupons,
    ShippingFeeQuote Shipping,
    OrderFees Fees)
{
    public GeoPoint Location => new(Shop.Latitude, Shop.Longitude);

    public decimal Subtotal => Lines.Sum(l => l.LineTotal);

    public int WeightGrams => Lines.Sum(l => l.Product.WeightGrams * l.Quantity);
}

/// <summary>
/// A checkout priced now, shop by shop, or the problems that keep it from being placed: blocking ones (no such address,
/// an empty cart, a subgraph that could not answer) leave <see cref="Shops"/> empty; problems of single items or shops
/// come with the rest priced.
/// </summary>
public sealed record CheckoutPrice(OrderAddress? Address, IReadOnlyList<ShopPrice> Shops, IReadOnlyList<DomainError> Problems)
{
    public OrderFees Fees => Shops.Aggregate(OrderFees.Zero, (sum, shop) => sum.Plus(shop.Fees));

    public static CheckoutPrice Refused(params DomainError[] problems) => new(null, [], problems);

    public static OrderAddress ToOrderAddress(AddressSnapshot address) => new(address.RecipientName, address.Phone, address.Line1,
        address.Line2, address.Ward, address.District, address.City, address.Country, address.PostalCode, address.Latitude, address.Longitude);
}
