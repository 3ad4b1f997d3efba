using GoShop.BuildingBlocks.Domain;

namespace GoShop.Catalog.Domain;

/// <summary>
/// One way to buy a product (colour, size...), with its own SKU (unique within the shop), price and stock row.
/// </summary>
public sealed class ProductVariant
{
    public const int MaxSku = 64;
    public const int MaxOptions = 5;

    private ProductVariant()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid ShopId { get; private set; }

    public string Sku { get; private set; } = "";

    public List<NameValue> Options { get; private set; } = [];

    public decimal Price { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The option values, e.g. "Đỏ / XL".</summary>
    public string Title => string.Join(" / ", Options.Select(o => o.Value));

    public static Result<ProductVariant> Create(Product product, string sku, IReadOnlyList<NameValue> options, decimal price, DateTimeOffset now)
    {
        if (Product.CheckPrice(price) is { } error)
            return error;
        return new ProductVariant
        {
            Id = Guid.CreateVersion7(),
            ProductId = product.Id,
            ShopId = product.ShopId,
            Sku = sku,
            Options = [.. options],
            Price = price,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Renames the SKU or changes the option values; what is left out stays as it is.</summary>
    public void Update(string? sku, IReadOnlyList<NameValue>? options, DateTimeOffset now)
    {
        if (sku is not null)
            Sku = sku;
        if (options is not null)
            Options = [.. options];
        UpdatedAt = now;
    }

    public Result<PriceChange> SetPrice(decimal price, string currency, Guid actorId, DateTimeOffset now)
    {
        if (Product.CheckPrice(price) is { } error)
            return error;
        var change = PriceChange.Record(ProductId, Id, Price, price, currency, actorId, now);
        Price = price;
        UpdatedAt = now;
        return change;
    }
}
