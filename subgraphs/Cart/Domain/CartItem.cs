namespace GoShop.Cart.Domain;

/// <summary>
/// One line of a cart: a product, or one variant of it, from one shop, and how many (1 to 999). The price shown for it
/// comes from the read model when the cart is read; <see cref="AddedAtPrice"/> is the unit price when the buyer last
/// added it, so the cart can say the price moved since.
/// </summary>
public sealed class CartItem
{
    public const int MinQuantity = 1;

    public const int MaxQuantity = 999;

    private CartItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid CartId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public Guid ShopId { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>Where the line stands in the cart: lines are shown in the order they were first added.</summary>
    public int Position { get; private set; }

    public decimal AddedAtPrice { get; private set; }

    public string Currency { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static bool IsValidQuantity(int quantity) => quantity is >= MinQuantity and <= MaxQuantity;

    public bool Is(Guid productId, Guid? variantId) => ProductId == productId && VariantId == variantId;

    internal static CartItem Create(Guid cartId, ProductOffer offer, int quantity, int position, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CartId = cartId,
        ProductId = offer.ProductId,
        VariantId = offer.VariantId,
        ShopId = offer.ShopId,
        Quantity = quantity,
        Position = position,
        AddedAtPrice = offer.UnitPrice,
        Currency = offer.Currency,
        AddedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The buyer added more at today's price: that is the price they saw last.</summary>
    internal void AddedAgain(int quantity, ProductOffer offer, DateTimeOffset now)
    {
        Quantity = quantity;
        AddedAtPrice = offer.UnitPrice;
        Currency = offer.Currency;
        UpdatedAt = now;
    }

    internal void SetQuantity(int quantity, DateTimeOffset now)
    {
        Quantity = quantity;
        UpdatedAt = now;
    }
}
