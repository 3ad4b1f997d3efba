using GoShop.BuildingBlocks.Domain;

namespace GoShop.Cart.Domain;

/// <summary>What a product's listing says, as a product snapshot of catalog carries it.</summary>
public sealed record ProductListing(
    Guid ShopId, string Title, string Currency, int WeightGrams, Guid? ImageMediaId,
    decimal? SalePrice, DateTimeOffset? SaleStartsAt, DateTimeOffset? SaleEndsAt);

/// <summary>
/// The cart's copy of a catalog product (the read model its prices and flags come from), kept from catalog's events and
/// refreshed by the lookup made whenever a buyer adds the product. Each part of it remembers when catalog produced the
/// value held, and an older value arriving late is ignored: the listing (title, shop, picture, weight and the sale
/// price with its window, from the product snapshots), the list price (snapshots and PriceChanged), the status
/// (snapshots and StockChanged) and the stock (StockChanged). A deleted product keeps its row, marked, so the carts
/// holding it can say so.
/// </summary>
public sealed class ProductCopy
{
    private ProductCopy()
    {
    }

    public Guid ProductId { get; private set; }

    public Guid ShopId { get; private set; }

    public string Title { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public decimal Price { get; private set; }

    public decimal? SalePrice { get; private set; }

    /// <summary>When the sale starts; null when it runs already.</summary>
    public DateTimeOffset? SaleStartsAt { get; private set; }

    /// <summary>When the sale ends; null when catalog's lookup said a sale runs without saying until when.</summary>
    public DateTimeOffset? SaleEndsAt { get; private set; }

    public int WeightGrams { get; private set; }

    public Guid? ImageMediaId { get; private set; }

    /// <summary>Units available of the product itself (variants have their own, in <see cref="VariantCopy"/>).</summary>
    public int Available { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset ListingAsOf { get; private set; }

    public DateTimeOffset PriceAsOf { get; private set; }

    public DateTimeOffset StatusAsOf { get; private set; }

    public DateTimeOffset StockAsOf { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool DiscountRunsAt(DateTimeOffset now) =>
        SalePrice is not null && (SaleStartsAt is null || SaleStartsAt <= now) && (SaleEndsAt is null || now < SaleEndsAt);

    /// <summary>What a buyer pays for the product now: the sale price while a sale runs, else the list price.</summary>
    public decimal EffectivePriceAt(DateTimeOffset now) => DiscountRunsAt(now) ? SalePrice!.Value : Price;

    /// <summary>
    /// What a buyer pays for one of its variants now: a running sale takes the same share off the variant's price as off
    /// the product's (catalog prices variants this way), rounded to whole units as VND is.
    /// </summary>
    public decimal EffectivePriceOf(decimal variantPrice, DateTimeOffset now) =>
        DiscountRunsAt(now) && Price > 0
            ? Money.Round(variantPrice * SalePrice!.Value / Price)
            : variantPrice;

    /// <summary>
    /// The offer of the product, or of the given variant of it, as this copy knows it; null when the copy cannot answer:
    /// the product is deleted, or a part the offer needs (listing, price, status, stock) has never been heard of.
    /// </summary>
    public ProductOffer? OfferAt(DateTimeOffset now, VariantCopy? variant = null)
    {
        if (IsDeleted || !Heard(ListingAsOf) || !Heard(PriceAsOf) || !Heard(StatusAsOf))
            return null;
        if (variant is null)
            return Heard(StockAsOf) ? new ProductOffer(ProductId, null, ShopId, Status, Available, EffectivePriceAt(now), Currency) : null;
        return Heard(variant.PriceAsOf) && Heard(variant.StockAsOf)
            ? new ProductOffer(ProductId, variant.VariantId, ShopId, Status, variant.Available, EffectivePriceOf(variant.Price, now), Currency)
            : null;
    }

    /// <summary>Whether a part was ever heard of: a row starts with every part as of the year 1 (ProductCopies).</summary>
    internal static bool Heard(DateTimeOffset asOf) => asOf.Year > 1;

    public void ApplyListing(ProductListing listing, DateTimeOffset asOf)
    {
        if (asOf < ListingAsOf)
            return;
        ShopId = listing.ShopId;
        Title = listing.Title;
        Currency = listing.Currency;
        WeightGrams = listing.WeightGrams;
        ImageMediaId = listing.ImageMediaId;
        SalePrice = listing.SalePrice;
        SaleStartsAt = listing.SaleStartsAt;
        SaleEndsAt = listing.SaleEndsAt;
        ListingAsOf = asOf;
    }

    public void ApplyPrice(decimal price, DateTimeOffset asOf)
    {
        if (asOf < PriceAsOf)
            return;
        Price = price;
        PriceAsOf = asOf;
    }

    public void ApplyStatus(string status, DateTimeOffset asOf)
    {
        if (asOf < StatusAsOf)
            return;
        Status = status;
        StatusAsOf = asOf;
    }

    public void ApplyStock(int available, DateTimeOffset asOf)
    {
        if (asOf < StockAsOf)
            return;
        Available = available;
        StockAsOf = asOf;
    }

    /// <summary>Deleting is final: nothing published before or after brings the product back.</summary>
    public void MarkDeleted(DateTimeOffset at) => DeletedAt ??= at;

    /// <summary>
    /// The sale a lookup implies: catalog answers the list and the effective price, not the sale's window. A running
    /// sale at the same price keeps the window known from the events; a sale not known yet runs until an event says
    /// otherwise; no sale now drops a running one but keeps one scheduled for later.
    /// </summary>
    public (decimal? Price, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt) SaleSeenInLookup(decimal listPrice, decimal effectivePrice, DateTimeOffset now)
    {
        if (effectivePrice < listPrice)
        {
            return DiscountRunsAt(now) && SalePrice == effectivePrice
                ? (SalePrice, SaleStartsAt, SaleEndsAt)
                : (effectivePrice, null, null);
        }
        return SalePrice is not null && SaleStartsAt > now ? (SalePrice, SaleStartsAt, SaleEndsAt) : (null, null, null);
    }
}
