namespace GoShop.Analytics.Domain;

/// <summary>
/// What analytics knows of a product: its shop and its category (for rollups per category), as of its latest event
/// (<see cref="UpdatedAt"/>); written by the product events' upsert (ProductCopyHandler).
/// </summary>
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
}
