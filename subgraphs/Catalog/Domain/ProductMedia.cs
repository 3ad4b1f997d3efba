namespace GoShop.Catalog.Domain;

/// <summary>A picture or video in a product's gallery: a media subgraph id, in gallery order.</summary>
public sealed class ProductMedia
{
    private ProductMedia()
    {
    }

    public ProductMedia(Guid productId, Guid mediaId, int position, Guid addedBy, DateTimeOffset addedAt)
    {
        ProductId = productId;
        MediaId = mediaId;
        Position = position;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid ProductId { get; private set; }

    public Guid MediaId { get; private set; }

    public int Position { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
