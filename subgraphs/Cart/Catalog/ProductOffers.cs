using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Cart.Domain;
using GoShop.Contracts.Catalog;

namespace GoShop.Cart.Catalog;

/// <summary>What catalog answered for a set of products and variants, by the key asked.</summary>
public sealed class OfferBook(IReadOnlyList<ProductSummary> summaries)
{
    private readonly Dictionary<ProductKey, ProductSummary> _byKey = summaries.ToDictionary(s => new ProductKey(s.ProductId, s.VariantId));

    public ProductOffer? Offer(Guid productId, Guid? variantId) =>
        _byKey.TryGetValue(new ProductKey(productId, variantId), out var s)
            ? new ProductOffer(s.ProductId, s.VariantId, s.ShopId, s.Status, s.Available, s.EffectivePrice, s.Currency)
            : null;

    /// <summary>The offer, or why there is none: no such product, or (the product exists) no such variant of it.</summary>
    public Result<ProductOffer> Find(Guid productId, Guid? variantId)
    {
        if (Offer(productId, variantId) is { } offer)
            return offer;
        return variantId is not null && _byKey.ContainsKey(new ProductKey(productId)) ? CartErrors.VariantNotFound : CartErrors.ProductNotFound;
    }
}

/// <summary>
/// Asks catalog (<see cref="ProductDirectory"/>) for the current offer of the products a buyer puts in the cart — the
/// authoritative check of status, stock and price — and refreshes the read model with the answer. Each variant is asked
/// for together with its product, so the product's own price and sale are refreshed too.
/// </summary>
public sealed class ProductOffers(ProductDirectory directory, ProductCopies copies, TimeProvider clock, ILogger<ProductOffers> logger)
{
    /// <summary>Catalog answers at most this many keys per lookup.</summary>
    public const int MaxKeysPerLookup = 200;

    public async Task<Result<OfferBook>> FindAsync(IEnumerable<(Guid ProductId, Guid? VariantId)> wanted, CancellationToken cancellationToken)
    {
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
        return new OfferBook(summaries);
    }
}
