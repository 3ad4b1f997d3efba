using GoShop.BuildingBlocks.Domain;

namespace GoShop.Cart.Domain;

/// <summary>What to do when adding would take a line past <see cref="CartItem.MaxQuantity"/>.</summary>
public enum QuantityOverflow
{
    /// <summary>Refuse the line (addToCart, reorder): the buyer asked for more than a line holds.</summary>
    Refuse,

    /// <summary>Fill the line up to the maximum (restoring a saved cart into a cart that already has some).</summary>
    Cap,
}

/// <summary>
/// A buyer's active cart (one per buyer): lines grouped by shop when read, at most <see cref="MaxLines"/> of them, one
/// per product and variant (adding the same again merges quantities), and at most one coupon per shop with lines in
/// the cart. <see cref="Version"/> goes up with every change; it orders the copies of the cart kept in Redis.
/// </summary>
public sealed class ShoppingCart
{
    public const int MaxLines = 200;

    private readonly List<CartItem> _items = [];
    private readonly List<CartCoupon> _coupons = [];

    private ShoppingCart()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<CartItem> Items => _items;

    public IReadOnlyList<CartCoupon> Coupons => _coupons;

    public bool IsEmpty => _items.Count == 0;

    public static ShoppingCart Open(Guid userId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now, UpdatedAt = now };

    /// <summary>
    /// Gives a cart just opened its first version, so that once saved its Redis copy replaces the "no cart" copy
    /// (version 0) even if nothing goes in it.
    /// </summary>
    public void EnsureOpened(DateTimeOffset now)
    {
        if (Version == 0)
            Touch(now);
    }

    public CartItem? Item(Guid itemId) => _items.Find(i => i.Id == itemId);

    public CartItem? Find(Guid productId, Guid? variantId) => _items.Find(i => i.Is(productId, variantId));

    /// <summary>
    /// Puts <paramref name="quantity"/> of what the offer sells in the cart, merged with the line already holding it.
    /// Checked against the offer: for sale, 1 to 999 on the line after merging, a free line when it is new, and enough
    /// available for the whole line.
    /// </summary>
    public Result<CartItem> Add(ProductOffer offer, int quantity, QuantityOverflow overflow, DateTimeOffset now)
    {
        if (quantity < CartItem.MinQuantity || (quantity > CartItem.MaxQuantity && overflow == QuantityOverflow.Refuse))
            return CartErrors.QuantityOutOfRange();
        if (offer.Refusal is { } refusal)
            return refusal;
        var line = Find(offer.ProductId, offer.VariantId);
        var already = line?.Quantity ?? 0;
        var wanted = already + quantity;
        if (wanted > CartItem.MaxQuantity)
        {
            if (overflow == QuantityOverflow.Refuse)
                return CartErrors.QuantityOutOfRange(already);
            wanted = CartItem.MaxQuantity;
        }
        if (line is null && _items.Count >= MaxLines)
            return CartErrors.CartFull;
        if (wanted > offer.Available)
            return CartErrors.OutOfStock(offer.Available, already);

        if (line is null)
        {
            line = CartItem.Create(Id, offer, wanted, _items.Count == 0 ? 1 : _items.Max(i => i.Position) + 1, now);
            _items.Add(line);
        }
        else
        {
            line.AddedAgain(wanted, offer, now);
        }
        Touch(now);
        return line;
    }

    /// <summary>Whether setting the line to <paramref name="quantity"/> asks for more than it holds (catalog must then say there is enough).</summary>
    public static bool Increases(CartItem item, int quantity) => quantity > item.Quantity;

    /// <summary>
    /// Sets a line's quantity (1 to 999; removing is <see cref="Remove"/>). Asking for more needs the product's current
    /// offer, which must cover the new quantity; asking for less never does.
    /// </summary>
    public Result<CartItem> ChangeQuantity(CartItem item, int quantity, ProductOffer? offer, DateTimeOffset now)
    {
        if (!CartItem.IsValidQuantity(quantity))
            return CartErrors.QuantityOutOfRange();
        if (Increases(item, quantity))
        {
            if (offer is null)
                throw new InvalidOperationException("Raising a line's quantity needs the product's current offer.");
            if (offer.Refusal is { } refusal)
                return refusal;
            if (quantity > offer.Available)
                return CartErrors.OutOfStock(offer.Available);
        }
        if (quantity != item.Quantity)
        {
            item.SetQuantity(quantity, now);
            Touch(now);
        }
        return item;
    }

    public Result Remove(Guid itemId, DateTimeOffset now)
    {
        if (Item(itemId) is not { } item)
            return CartErrors.CartItemNotFound;
        _items.Remove(item);
        DropCouponsOfShopsWithoutLines();
        Touch(now);
        return Result.Success;
    }

    /// <summary>Empties the cart, or only the part from one shop; answers how many lines went.</summary>
    public int Clear(Guid? shopId, DateTimeOffset now)
    {
        var removed = _items.RemoveAll(i => shopId is null || i.ShopId == shopId);
        var coupons = _coupons.Count;
        DropCouponsOfShopsWithoutLines();
        if (removed > 0 || coupons != _coupons.Count)
            Touch(now);
        return removed;
    }

    /// <summary>Applies a coupon code to the lines from one shop, replacing the code applied there before.</summary>
    public Result ApplyCoupon(Guid shopId, string code, DateTimeOffset now)
    {
        if (!_items.Exists(i => i.ShopId == shopId))
            return CartErrors.ShopNotInCart;
        if (CouponOf(shopId) is { } applied)
            applied.Replace(code, now);
        else
            _coupons.Add(CartCoupon.Create(Id, shopId, code, now));
        Touch(now);
        return Result.Success;
    }

    public Result RemoveCoupon(Guid shopId, DateTimeOffset now)
    {
        if (CouponOf(shopId) is not { } applied)
            return CartErrors.CouponNotApplied;
        _coupons.Remove(applied);
        Touch(now);
        return Result.Success;
    }

    public CartCoupon? CouponOf(Guid shopId) => _coupons.Find(c => c.ShopId == shopId);

    /// <summary>
    /// Takes out what an order of one shop bought: each ordered quantity comes off the line of the same product and
    /// variant (the line goes when nothing is left), and the shop's coupon goes when the order used it. Answers whether
    /// anything changed.
    /// </summary>
    public bool TakeOutOrdered(Guid shopId, IEnumerable<OrderedLine> lines, IEnumerable<string> couponCodes, DateTimeOffset now)
    {
        var changed = false;
        foreach (var ordered in lines)
        {
            if (Find(ordered.ProductId, ordered.VariantId) is not { } line)
                continue;
            var left = line.Quantity - ordered.Quantity;
            if (left <= 0)
                _items.Remove(line);
            else
                line.SetQuantity(left, now);
            changed = true;
        }
        if (CouponOf(shopId) is { } applied && couponCodes.Contains(applied.Code, StringComparer.OrdinalIgnoreCase))
        {
            _coupons.Remove(applied);
            changed = true;
        }
        var coupons = _coupons.Count;
        DropCouponsOfShopsWithoutLines();
        changed |= coupons != _coupons.Count;
        if (changed)
            Touch(now);
        return changed;
    }

    private void DropCouponsOfShopsWithoutLines() => _coupons.RemoveAll(c => !_items.Exists(i => i.ShopId == c.ShopId));

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
