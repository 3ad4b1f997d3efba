using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;
using GoShop.Contracts.Catalog;

namespace GoShop.Cart.Catalog;

/// <summary>
/// The offers of a set of products and variants, by the key asked, each known either from catalog's answer just now or
/// from the cart's copy of the product.
/// </summary>
public sealed class OfferBook
{
    private readonly Dictionary<ProductKey, (ProductOffer Offer, bool FromCatalog)> _byKey = [];
    private readonly HashSet<Guid> _knownProducts = [];

    public static OfferBook FromCatalog(IEnumerable<ProductSummary> summaries)
    {
        var book = new OfferBook();
        book.AddFromCatalog(summaries);
        return book;
    }

    internal void AddFromCatalog(IEnumerable<ProductSummary> summaries)
    {
        foreach (var s in summaries)
        {
            _byKey[new ProductKey(s.ProductId, s.VariantId)] =
                (new ProductOffer(s.ProductId, s.VariantId, s.ShopId, s.Status, s.Available, s.EffectivePrice, s.Currency), true);
            _knownProducts.Add(s.ProductId);
        }
    }

    internal void AddFromCopy(ProductOffer offer)
    {
        _byKey[new ProductKey(offer.ProductId, offer.VariantId)] = (offer, false);
        _knownProducts.Add(offer.ProductId);
    }

    public ProductOffer? Offer(Guid productId, Guid? variantId) =>
        _byKey.TryGetValue(new ProductKey(productId, variantId), out var entry) ? entry.Offer : null;

    /// <summary>True when the offer is catalog's answer of just now; false when it was read from the cart's copy.</summary>
    public bool IsFromCatalog(Guid productId, Guid? variantId) =>
        _byKey.TryGetValue(new ProductKey(productId, variantId), out var entry) && entry.FromCatalog;

    /// <summary>The offer, or why there is none: no such product, or (the product exists) no such variant of it.</summary>
    public Result<ProductOffer> Find(Guid productId, Guid? variantId)
    {
        if (Offer(productId, variantId) is { } offer)
            return offer;
        return variantId is not null && _knownProducts.Contains(productId) ? CartErrors.VariantNotFound : CartErrors.ProductNotFound;
    }
}

/// <summary>
/// The offers of the products a buyer puts in the cart. <see cref="FromCopiesAsync"/> reads them from the cart's copy of
/// catalog's products (kept from catalog's events), asking catalog only for what the copy cannot answer: a product or
/// variant it has never fully seen. <see cref="FromCatalogAsync"/> asks catalog (<see cref="ProductDirectory"/>), the
/// authoritative check of status, stock and price, and refreshes the copy with the answer; a change a copy would refuse
/// is asked again this way (<see cref="IsRefusedByOffer"/>), so a stale copy can let a line in but never keeps one out.
/// Placing the order checks catalog again, with the stock reserved, whatever the copy said.
/// </summary>
public sealed class ProductOffers(CartDbContext db, ProductDirectory directory, ProductCopies copies, TimeProvider clock, ILogger<ProductOffers> logger)
{
    /// <summary>Catalog answers at most this many keys per lookup.</summary>
    public const int MaxKeysPerLookup = 200;

    /// <summary>The codes of a line refused for its offer: the product unknown, not for sale, or short of stock.</summary>
    private static readonly HashSet<string> OfferRefusalCodes =
        [CartErrors.ProductNotFound.Code, CartErrors.VariantNotFound.Code, CartErrors.ProductUnavailable.Code, CartErrors.OutOfStock(0).Code];

    /// <summary>Whether a refused change is the offer's doing (unknown, not for sale, too few), so catalog's word settles it.</summary>
    public static bool IsRefusedByOffer(DomainError error) =>
        OfferRefusalCodes.Contains(error.Code);


    public async Task<Result<OfferBook>> FromCopiesAsync(IEnumerable<(Guid ProductId, Guid? VariantId)> wanted, CancellationToken cancellationToken)
    {
        var keys = wanted.Select(w => new ProductKey(w.ProductId, w.VariantId)).Distinct().ToList();
        var (products, variants) = await ProductCopies.ReadAsync(db,
            keys.Select(k => k.ProductId).Distinct().ToList(),
            keys.Where(k => k.VariantId is not null).Select(k => k.VariantId!.Value).Distinct().ToList(),
            cancellationToken);
        var now = clock.GetUtcNow();
        var book = new OfferBook();
        var unanswered = new List<(Guid, Guid?)>();
        foreach (var key in keys)
        {
            var copy = products.GetValueOrDefault(key.ProductId);
            var variant = key.VariantId is { } variantId ? variants.GetValueOrDefault(variantId) : null;
            if (copy?.OfferAt(now, variant) is { } offer && (key.VariantId is null || variant?.ProductId == key.ProductId))
                book.AddFromCopy(offer);
            else
                unanswered.Add((key.ProductId, key.VariantId));
        }
        if (unanswered.Count == 0)
            return book;
        var found = await FindInCatalogAsync(unanswered, cancellationToken);
        if (!found.Succeeded)
            return found.Error;
        book.AddFromCatalog(found.Value);
        return book;
    }

    public async Task<Result<OfferBook>> FromCatalogAsync(IEnumerable<(Guid ProductId, Guid? VariantId)> wanted, CancellationToken cancellationToken)
    {
        var found = await FindInCatalogAsync(wanted, cancellationToken);
        return found.Succeeded ? OfferBook.FromCatalog(found.Value) : found.Error;
    }

    private async Task<Result<List<ProductSummary>>> FindInCatalogAsync(IEnumerable<(Guid ProductId, Guid? VariantId)> wanted, CancellationToken cancellationToken)
    {
        // Each variant is asked for together with its product, so the product's own price and sale are refreshed too.
        var keys = wanted
            .SelectMany(w => w.VariantId is null ? [new ProductKey(w.ProductId)] : new[] { new ProductKey(w.ProductId), new ProductKey(w.ProductId, w.VariantId) })
            .Distinct()
            .ToList();
        var summaries = new List<ProductSummary>();
        foreach (var chunk in keys.Chunk(MaxKeysPerLookup))
        {
            var found = await InternalApi.CallAsync(() => directory.LookupAsync(chunk, cancellationToken), CartErrors.CatalogUnavailable,
                logger, cancellationToken, $"look up {chunk.Length} products in the catalog subgraph");
            if (!found.Succeeded)
                return found.Error;
            summaries.AddRange(found.Value);
        }
        await copies.ApplyLookupAsync(summaries, clock.GetUtcNow(), cancellationToken);
        return summaries;
    }
}
