namespace GoShop.Cart.Domain;

/// <summary>
/// A named copy of the lines of a buyer's cart at one moment ("Tết shopping"), to put back in the cart later. Names
/// are unique per buyer whatever their letter case; a buyer keeps at most <see cref="MaxPerUser"/>.
/// </summary>
public sealed class SavedCart
{
    public const int MaxPerUser = 20;

    public const int MaxName = 60;

    private readonly List<SavedCartItem> _items = [];

    private SavedCart()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<SavedCartItem> Items => _items;

    public int ItemCount => _items.Sum(i => i.Quantity);

    /// <summary>Copies every line of the cart, flagged ones too, labelled with the titles the cart shows for them.</summary>
    public static SavedCart Of(ShoppingCart cart, string name, Func<CartItem, (string Title, string? VariantTitle)> titles, DateTimeOffset now)
    {
        var saved = new SavedCart { Id = Guid.CreateVersion7(), UserId = cart.UserId, Name = name.Trim(), CreatedAt = now };
        foreach (var item in cart.Items.OrderBy(i => i.Position))
        {
            var (title, variantTitle) = titles(item);
            saved._items.Add(SavedCartItem.Of(saved.Id, item, title, variantTitle));
        }
        return saved;
    }
}

/// <summary>One line of a saved cart, with the product's title as it was when saved.</summary>
public sealed class SavedCartItem
{
    private SavedCartItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid SavedCartId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public Guid ShopId { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>The line's place in the cart it was saved from.</summary>
    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    public string? VariantTitle { get; private set; }

    internal static SavedCartItem Of(Guid savedCartId, CartItem item, string title, string? variantTitle) => new()
    {
        Id = Guid.CreateVersion7(),
        SavedCartId = savedCartId,
        ProductId = item.ProductId,
        VariantId = item.VariantId,
        ShopId = item.ShopId,
        Quantity = item.Quantity,
        Position = item.Position,
        Title = title,
        VariantTitle = variantTitle,
    };
}
