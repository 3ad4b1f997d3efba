namespace GoShop.Analytics.Domain;

/// <summary>What analytics knows of a product: its shop and its category (for rollups per category).</summary>
public sealed class ProductCopy
{
    private ProductCopy()
    {
    }

    public Guid ProductId { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid? CategoryId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProductCopy Start(Guid productId) => new() { ProductId = productId, UpdatedAt = DateTimeOffset.MinValue };

    /// <summary>Applies the product as of an event; an older event than the last one applied changes nothing.</summary>
    public bool Apply(Guid shopId, Guid? categoryId, string title, DateTimeOffset occurredAt)
    {
        if (occurredAt < UpdatedAt)
            return false;
        var categoryChanged = CategoryId != categoryId;
        ShopId = shopId;
        CategoryId = categoryId;
        Title = title;
        UpdatedAt = occurredAt;
        return categoryChanged;
    }
}
