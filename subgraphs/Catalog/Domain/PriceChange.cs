namespace GoShop.Catalog.Domain;

/// <summary>One entry of a product's (or variant's) price history: who set which list price when.</summary>
public sealed class PriceChange
{
    private PriceChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public decimal? PreviousPrice { get; private set; }

    public decimal Price { get; private set; }

    public string Currency { get; private set; } = "";

    public Guid ActorId { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static PriceChange Record(Guid productId, Guid? variantId, decimal? previousPrice, decimal price, string currency, Guid actorId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProductId = productId,
        VariantId = variantId,
        PreviousPrice = previousPrice,
        Price = price,
        Currency = currency,
        ActorId = actorId,
        ChangedAt = now,
    };
}
