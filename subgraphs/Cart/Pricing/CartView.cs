using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Domain;

namespace GoShop.Cart.Pricing;

/// <summary>One line of a cart as the buyer sees it now: labelled and priced from the product read model, and flagged.</summary>
public sealed record CartLineView(
    Guid Id,
    Guid ProductId,
    Guid? VariantId,
    Guid ShopId,
    string Title,
    string? VariantTitle,
    Guid? ImageMediaId,
    int Quantity,
    Money UnitPrice,
    Money AddedAtPrice,
    ItemAvailability Availability,
    int Available)
{
    public Money LineTotal => UnitPrice.Times(Quantity);

    public bool PriceChanged => UnitPrice != AddedAtPrice;

    /// <summary>Only lines that can be bought as they stand count toward the totals.</summary>
    public bool Counts => Availability == ItemAvailability.Available;
}

/// <summary>The lines of a cart from one shop, with that shop's coupon code if the buyer applied one.</summary>
public sealed class CartShopGroup(CartView cart, Guid shopId, IReadOnlyList<CartLineView> items, string? couponCode)
{
    public CartView Cart { get; } = cart;

    public Guid ShopId { get; } = shopId;

    public IReadOnlyList<CartLineView> Items { get; } = items;

    public string? CouponCode { get; } = couponCode;

    public IEnumerable<CartLineView> CountedItems => Items.Where(i => i.Counts);

    public Money Subtotal { get; } = CartView.Sum(items.Where(i => i.Counts).Select(i => i.LineTotal), items);

    public async Task<CouponStanding?> CouponAsync() => CouponCode is null ? null : (await Cart.CouponsAsync()).GetValueOrDefault(ShopId);

    public async Task<Money> DiscountAsync() => (await CouponAsync())?.Discount ?? Money.Zero(Subtotal.Currency);

    public async Task<Money> TotalAsync() => Subtotal.Minus(await DiscountAsync());
}

/// <summary>
/// Where a shop's coupon stands now: applicable with the discount it takes off that shop's subtotal (never more than
/// it), or not, with the reason code and message the shops subgraph gave (SHOPS_UNAVAILABLE when it could not answer).
/// </summary>
public sealed record CouponStanding(string Code, bool Applicable, string? Reason, string? Message, string? PromotionName, Money Discount);

/// <summary>
/// A cart as a response shows it, built once per request: lines, the same lines grouped by shop, and the totals of the
/// lines that count. The coupon part is asked of the shops subgraph only when a field needs it, for every shop with a
/// coupon at once.
/// </summary>
public sealed class CartView
{
    private readonly Func<CartView, Task<IReadOnlyDictionary<Guid, CouponStanding>>> _quoteCoupons;
    private Task<IReadOnlyDictionary<Guid, CouponStanding>>? _coupons;

    public CartView(Guid id, Guid userId, DateTimeOffset updatedAt, IReadOnlyList<CartLineView> items,
        IReadOnlyDictionary<Guid, string> couponCodes, Func<CartView, Task<IReadOnlyDictionary<Guid, CouponStanding>>> quoteCoupons)
    {
        Id = id;
        UserId = userId;
        UpdatedAt = updatedAt;
        Items = items;
        Shops = items.GroupBy(i => i.ShopId).Select(g => new CartShopGroup(this, g.Key, g.ToList(), couponCodes.GetValueOrDefault(g.Key))).ToList();
        _quoteCoupons = quoteCoupons;
    }

    public Guid Id { get; }

    public Guid UserId { get; }

    public DateTimeOffset UpdatedAt { get; }

    public IReadOnlyList<CartLineView> Items { get; }

    /// <summary>The lines grouped by shop, shops in the order their first line was added.</summary>
    public IReadOnlyList<CartShopGroup> Shops { get; }

    public Money Subtotal => Sum(Shops.Select(s => s.Subtotal), Items);

    public int ItemCount => Items.Sum(i => i.Quantity);

    /// <summary>The coupon of each shop that has one, by shop id (quoted on first use, then remembered).</summary>
    public Task<IReadOnlyDictionary<Guid, CouponStanding>> CouponsAsync() => _coupons ??= _quoteCoupons(this);

    public async Task<Money> DiscountAsync() => Sum((await CouponsAsync()).Values.Select(c => c.Discount), Items);

    public async Task<Money> TotalAsync() => Subtotal.Minus(await DiscountAsync());

    /// <summary>Adds amounts up in the lines' currency (VND for an empty cart).</summary>
    internal static Money Sum(IEnumerable<Money> amounts, IReadOnlyList<CartLineView> lines) =>
        amounts.Aggregate(Money.Zero(lines.Count > 0 ? lines[0].UnitPrice.Currency : Money.DefaultCurrency), (sum, amount) => sum.Plus(amount));
}
