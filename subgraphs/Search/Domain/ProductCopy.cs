using GoShop.Contracts.Catalog;

namespace GoShop.Search.Domain;

/// <summary>
/// What search keeps of one of catalog's products: enough to index, filter, sort and alert on it. Each part (details,
/// price, stock) remembers the time of the event that last set it, so an older event arriving late never undoes a
/// newer one. The Lucene index is rebuilt from these rows; these rows are what survives a lost index.
/// </summary>
public sealed class ProductCopy
{
    public const string Active = "ACTIVE";

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Brand { get; private set; }

    public string? Model { get; private set; }

    public Guid? CategoryId { get; private set; }

    /// <summary>The category and its ancestors, root first (a filter on a category finds its descendants' products).</summary>
    public Guid[] CategoryPath { get; private set; } = [];

    /// <summary>Catalog's status (ACTIVE, DRAFT, OUT_OF_STOCK, ...); only ACTIVE and OUT_OF_STOCK products are searchable.</summary>
    public string Status { get; private set; } = "";

    public decimal Price { get; private set; }

    public decimal? SalePrice { get; private set; }

    public DateTimeOffset? SaleStartsAt { get; private set; }

    public DateTimeOffset? SaleEndsAt { get; private set; }

    public string Currency { get; private set; } = "VND";

    public int Available { get; private set; }

    public decimal RatingAverage { get; private set; }

    public int RatingCount { get; private set; }

    public long RatingVersion { get; private set; }

    public int SoldCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset DetailsAsOf { get; private set; }

    public DateTimeOffset PriceAsOf { get; private set; }

    public DateTimeOffset StockAsOf { get; private set; }

    /// <summary>Deleted in catalog: kept as a tombstone so a late update cannot bring it back, and left out of the index.</summary>
    public bool Deleted { get; private set; }

    public static ProductCopy Create(Guid id) => new() { Id = id, DetailsAsOf = DateTimeOffset.MinValue, PriceAsOf = DateTimeOffset.MinValue, StockAsOf = DateTimeOffset.MinValue };

    /// <summary>The price a buyer pays at <paramref name="now"/>: the sale price while its window runs, else the list price.</summary>
    public decimal EffectivePriceAt(DateTimeOffset now) =>
        SalePrice is { } sale && (SaleStartsAt is null || SaleStartsAt <= now) && (SaleEndsAt is null || now < SaleEndsAt) ? sale : Price;

    /// <summary>Listed for buyers: its details are known (a stock or order event may arrive before the product's own) and catalog sells it.</summary>
    public bool Searchable => !Deleted && DetailsAsOf != DateTimeOffset.MinValue && Status is Active or "OUT_OF_STOCK";

    /// <summary>For sale now: catalog marks a product OUT_OF_STOCK once none of its stock rows has any available.</summary>
    public bool InStock => Status == Active;

    /// <summary>Takes the whole snapshot of a product event, unless a newer one was applied already.</summary>
    public bool Apply(ProductSnapshot snapshot, DateTimeOffset asOf)
    {
        if (Deleted || asOf < DetailsAsOf)
            return false;
        ShopId = snapshot.ShopId;
        Title = snapshot.Title;
        Description = snapshot.Description;
        Brand = snapshot.Brand;
        Model = snapshot.Model;
        CategoryId = snapshot.CategoryId;
        CategoryPath = [.. snapshot.CategoryPath];
        Status = snapshot.Status;
        CreatedAt = snapshot.CreatedAt;
        DetailsAsOf = asOf;
        if (asOf >= PriceAsOf)
        {
            Price = snapshot.Price;
            SalePrice = snapshot.SalePrice;
            SaleStartsAt = snapshot.SaleStartsAt;
            SaleEndsAt = snapshot.SaleEndsAt;
            Currency = snapshot.Currency;
            PriceAsOf = asOf;
        }
        return true;
    }

    /// <summary>
    /// The path of its category as a category event newer than the product event just applied tells it (the category or
    /// one above it moved after catalog wrote that product event).
    /// </summary>
    public void FollowCategoryMove(IReadOnlyList<Guid> categoryPath) => CategoryPath = [.. categoryPath];

    /// <summary>A list price change (the discount, if any, is carried by the product events).</summary>
    public bool ApplyListPrice(decimal price, DateTimeOffset asOf)
    {
        if (Deleted || asOf < PriceAsOf)
            return false;
        Price = price;
        PriceAsOf = asOf;
        return true;
    }

    public bool ApplyStock(int available, string productStatus, DateTimeOffset asOf)
    {
        if (Deleted || asOf < StockAsOf)
            return false;
        Available = available;
        if (asOf >= DetailsAsOf && !string.IsNullOrEmpty(productStatus))
            Status = productStatus;
        StockAsOf = asOf;
        return true;
    }

    public bool ApplyRating(decimal average, int count, long version)
    {
        if (version < RatingVersion || (version == RatingVersion && version > 0))
            return false;
        RatingAverage = average;
        RatingCount = count;
        RatingVersion = version;
        return true;
    }

    public void CountSold(int quantity) => SoldCount += Math.Max(0, quantity);

    /// <summary>The count catalog keeps (an import), replacing the one counted from orders so far.</summary>
    public void SetSoldCount(int count) => SoldCount = Math.Max(0, count);

    public void Delete()
    {
        Deleted = true;
        Status = "DELETED";
    }

    /// <summary>Forgets a deletion when catalog restores a product (it publishes a created or updated event again).</summary>
    public void Restore(DateTimeOffset asOf)
    {
        if (asOf > DetailsAsOf)
            Deleted = false;
    }
}
