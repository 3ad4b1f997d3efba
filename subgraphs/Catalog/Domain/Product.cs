using GoShop.BuildingBlocks.Domain;
using NpgsqlTypes;

namespace GoShop.Catalog.Domain;

/// <summary>
/// A product a shop sells. Invariants kept here: a positive list price; a discount's sale price is below the list
/// price and its window ends after it starts; the effective price is computed from the list price and the discount
/// running at the moment asked, never stored; status moves between DRAFT, ACTIVE and ARCHIVED by the seller and between
/// ACTIVE and OUT_OF_STOCK by availability. Stock lives in <see cref="StockItem"/> rows and their ledger.
/// </summary>
public sealed class Product
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 5000;
    public const int MaxModel = 100;
    public const int MaxAttributes = 30;
    public const int MaxMedia = 20;
    public const int MaxVariants = 100;
    public const decimal MaxPrice = 10_000_000_000m;

    private readonly List<ProductMedia> _media = [];

    private Product()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public Guid? BrandId { get; private set; }

    public string? Model { get; private set; }

    public Guid? CategoryId { get; private set; }

    public List<NameValue> Attributes { get; private set; } = [];

    public int WeightGrams { get; private set; }

    public decimal? LengthCm { get; private set; }

    public decimal? WidthCm { get; private set; }

    public decimal? HeightCm { get; private set; }

    public ProductStatus Status { get; private set; }

    /// <summary>The list price.</summary>
    public decimal Price { get; private set; }

    public string Currency { get; private set; } = Money.DefaultCurrency;

    public decimal? SalePrice { get; private set; }

    public DateTimeOffset? SaleStartsAt { get; private set; }

    public DateTimeOffset? SaleEndsAt { get; private set; }

    /// <summary>0 to 5: the average of the product's published reviews, as the reviews subgraph last announced it.</summary>
    public decimal RatingAverage { get; private set; }

    public int RatingCount { get; private set; }

    /// <summary>The version of the reviews subgraph's summary these ratings come from (0: none yet, or demo data).</summary>
    public long RatingVersion { get; private set; }

    public int SoldCount { get; private set; }

    /// <summary>At or below this many available, the product is low on stock.</summary>
    public int LowStockThreshold { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Written by PostgreSQL (a generated column): the unaccented title, model and description.</summary>
    public NpgsqlTsVector SearchVector { get; private set; } = null!;

    /// <summary>Written by PostgreSQL (a generated column): the unaccented, lower-cased title, for trigram matching.</summary>
    public string SearchTitle { get; private set; } = "";

    public IReadOnlyList<ProductMedia> Media => _media;

    public Dimensions? Dimensions => LengthCm is { } l && WidthCm is { } w && HeightCm is { } h ? new Dimensions(l, w, h) : null;

    public bool IsDeleted => DeletedAt is not null;

    public static Result<Product> List(Guid shopId, ProductDetails details, decimal price, bool publish, int lowStockThreshold, DateTimeOffset now, Guid? id = null)
    {
        if (CheckPrice(price) is { } error)
            return error;
        var product = new Product
        {
            Id = id ?? Guid.CreateVersion7(),
            ShopId = shopId,
            Price = price,
            Currency = Money.DefaultCurrency,
            // Availability decides between ACTIVE and OUT_OF_STOCK once the initial stock is on the ledger.
            Status = publish ? ProductStatus.Active : ProductStatus.Draft,
            LowStockThreshold = lowStockThreshold,
            CreatedAt = now,
        };
        product.Describe(details, now);
        return product;
    }

    public void Describe(ProductDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        Description = details.Description;
        BrandId = details.BrandId;
        Model = details.Model;
        CategoryId = details.CategoryId;
        Attributes = [.. details.Attributes];
        WeightGrams = details.WeightGrams;
        LengthCm = details.Dimensions?.LengthCm;
        WidthCm = details.Dimensions?.WidthCm;
        HeightCm = details.Dimensions?.HeightCm;
        UpdatedAt = now;
    }

    public ProductDetails Details => new(Title, Description, BrandId, Model, CategoryId, Attributes, WeightGrams, Dimensions);

    /// <summary>
    /// A price a product or variant may have: above zero, at most <see cref="MaxPrice"/>, and in the currency's smallest
    /// unit (whole đồng: VND has no minor unit).
    /// </summary>
    public static DomainError? CheckPrice(decimal price, string field = "price")
    {
        DomainError? error = price <= 0 ? CatalogErrors.PriceNotPositive
            : price > MaxPrice ? CatalogErrors.PriceTooHigh
            : Money.Round(price) != price ? CatalogErrors.PriceTooPrecise
            : null;
        return error is null || field == "price" ? error : error with { Field = field };
    }

    /// <summary>Changes the list price and answers the history entry that records it.</summary>
    public Result<PriceChange> SetPrice(decimal price, Guid actorId, DateTimeOffset now)
    {
        if (CheckPrice(price) is { } error)
            return error;
        if (SalePrice is { } sale && SaleEndsAt > now && sale >= price)
            return CatalogErrors.PriceNotAboveSalePrice;
        if (SaleEndsAt <= now)
            ClearDiscount();
        var change = PriceChange.Record(Id, null, Price, price, Currency, actorId, now);
        Price = price;
        UpdatedAt = now;
        return change;
    }

    public Result SetDiscount(decimal salePrice, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (CheckPrice(salePrice, "salePrice") is { } error)
            return error;
        if (salePrice >= Price)
            return CatalogErrors.DiscountNotBelowPrice;
        if (endsAt <= startsAt)
            return CatalogErrors.DiscountWindowInvalid;
        if (endsAt <= now)
            return CatalogErrors.DiscountAlreadyEnded;
        SalePrice = salePrice;
        SaleStartsAt = startsAt;
        SaleEndsAt = endsAt;
        UpdatedAt = now;
        return Result.Success;
    }

    public Result RemoveDiscount(DateTimeOffset now)
    {
        if (SalePrice is null)
            return CatalogErrors.NoDiscount;
        ClearDiscount();
        UpdatedAt = now;
        return Result.Success;
    }

    public bool DiscountRunsAt(DateTimeOffset now) => SalePrice is not null && SaleStartsAt <= now && now < SaleEndsAt;

    /// <summary>What a buyer pays at <paramref name="now"/>: the sale price while a discount runs, else the list price.</summary>
    public decimal EffectivePriceAt(DateTimeOffset now) => DiscountRunsAt(now) ? SalePrice!.Value : Price;

    /// <summary>A variant's price after this product's running discount, which applies to variants in the same proportion.</summary>
    public decimal EffectivePriceOf(decimal variantPrice, DateTimeOffset now) =>
        DiscountRunsAt(now) ? Money.Round(variantPrice * SalePrice!.Value / Price) : variantPrice;

    /// <summary>A seller's status change; <paramref name="available"/> decides between ACTIVE and OUT_OF_STOCK.</summary>
    public Result ChangeStatus(ProductStatus target, int available, DateTimeOffset now)
    {
        if (target == ProductStatus.OutOfStock)
            return CatalogErrors.InvalidStatus;
        if (target == ProductStatus.Active && available <= 0)
            target = ProductStatus.OutOfStock;
        if (target != Status)
        {
            Status = target;
            UpdatedAt = now;
        }
        return Result.Success;
    }

    /// <summary>Follows availability across zero; answers whether the status changed. DRAFT and ARCHIVED stay as they are.</summary>
    public bool ReflectAvailability(int available, DateTimeOffset now)
    {
        var next = Status switch
        {
            ProductStatus.Active when available <= 0 => ProductStatus.OutOfStock,
            ProductStatus.OutOfStock when available > 0 => ProductStatus.Active,
            _ => Status,
        };
        if (next == Status)
            return false;
        Status = next;
        UpdatedAt = now;
        return true;
    }

    public void SetLowStockThreshold(int threshold, DateTimeOffset now)
    {
        LowStockThreshold = threshold;
        UpdatedAt = now;
    }

    /// <summary>Sets the rating summary (average of 0 to 5 and count), as the demo data does.</summary>
    public void ApplyRatingSummary(decimal average, int count, DateTimeOffset now)
    {
        RatingAverage = count == 0 ? 0 : Math.Clamp(average, 0, 5);
        RatingCount = count;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the reviews subgraph's summary of version <paramref name="version"/> unless a newer one was taken already
    /// (events may arrive out of order or twice); false when it was older and changed nothing.
    /// </summary>
    public bool ApplyPublishedRatings(decimal average, int count, long version, DateTimeOffset now)
    {
        if (version <= RatingVersion)
            return false;
        RatingVersion = version;
        ApplyRatingSummary(average, count, now);
        return true;
    }

    public void RecordSale(int quantity, DateTimeOffset now)
    {
        SoldCount += quantity;
        UpdatedAt = now;
    }

    /// <summary>Units sold earlier came back with a return: they no longer count as sold (best sellers rank by what stayed sold).</summary>
    public void RecordReturn(int quantity, DateTimeOffset now)
    {
        SoldCount = Math.Max(0, SoldCount - quantity);
        UpdatedAt = now;
    }

    public Result<ProductMedia> AddMedia(Guid mediaId, Guid actorId, DateTimeOffset now)
    {
        if (_media.Any(m => m.MediaId == mediaId))
            return CatalogErrors.MediaAlreadyAttached;
        if (_media.Count >= MaxMedia)
            return CatalogErrors.TooManyMedia;
        var media = new ProductMedia(Id, mediaId, _media.Count == 0 ? 0 : _media.Max(m => m.Position) + 1, actorId, now);
        _media.Add(media);
        UpdatedAt = now;
        return media;
    }

    public Result RemoveMedia(Guid mediaId, DateTimeOffset now)
    {
        if (_media.FirstOrDefault(m => m.MediaId == mediaId) is not { } media)
            return CatalogErrors.MediaNotAttached;
        _media.Remove(media);
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>Deletes the product for good as far as buyers are concerned; the row and its ledger stay for history.</summary>
    public void Delete(DateTimeOffset now)
    {
        Status = ProductStatus.Archived;
        DeletedAt = now;
        UpdatedAt = now;
    }

    private void ClearDiscount()
    {
        SalePrice = null;
        SaleStartsAt = null;
        SaleEndsAt = null;
    }
}
