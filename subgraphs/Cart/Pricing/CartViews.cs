using GoShop.BuildingBlocks.Domain;
using GoShop.Cart.Caching;
using GoShop.Cart.Catalog;
using GoShop.Cart.Data;
using GoShop.Cart.Domain;

namespace GoShop.Cart.Pricing;

/// <summary>Builds what a response shows of carts from their stored state and the product read model.</summary>
public sealed class CartViews(CartDbContext db, CouponQuotes quotes, TimeProvider clock)
{
    /// <summary>The view of a cart, or null when the buyer has none.</summary>
    public async Task<CartView?> BuildAsync(CartState state, CancellationToken cancellationToken) =>
        state.CartId is null ? null : (await BuildAsync([state], cancellationToken))[0];

    /// <summary>Views of several carts, reading the product copies they need in one go.</summary>
    public async Task<IReadOnlyList<CartView>> BuildAsync(IReadOnlyList<CartState> states, CancellationToken cancellationToken)
    {
        var lines = states.SelectMany(s => s.Items).ToList();
        var (products, variants) = await ProductCopies.ReadAsync(db,
            lines.Select(l => l.ProductId).ToHashSet(), lines.Where(l => l.VariantId is not null).Select(l => l.VariantId!.Value).ToHashSet(),
            cancellationToken);
        var now = clock.GetUtcNow();
        return states.Where(s => s.CartId is not null).Select(state =>
        {
            var items = state.Items.Select(line => Line(line, products.GetValueOrDefault(line.ProductId),
                line.VariantId is { } variantId ? variants.GetValueOrDefault(variantId) : null, now)).ToList();
            return new CartView(state.CartId!.Value, state.UserId, state.UpdatedAt ?? now, items,
                state.Coupons.ToDictionary(c => c.ShopId, c => c.Code), view => quotes.QuoteAllAsync(view, cancellationToken));
        }).ToList();
    }

    private static CartLineView Line(CartLineState line, ProductCopy? product, VariantCopy? variant, DateTimeOffset now)
    {
        var currency = string.IsNullOrEmpty(product?.Currency) ? line.Currency : product.Currency;
        var unitPrice = product is null || (line.VariantId is not null && variant is null)
            ? line.AddedAtPrice
            : variant is null ? product.EffectivePriceAt(now) : product.EffectivePriceOf(variant.Price, now);
        var available = line.VariantId is null ? product?.Available ?? 0 : variant?.Available ?? 0;
        var availability = ItemAvailabilities.Of(product, available, line.Quantity);
        return new CartLineView(
            line.Id,
            line.ProductId,
            line.VariantId,
            line.ShopId,
            product?.Title ?? "",
            variant?.Title,
            product?.ImageMediaId,
            line.Quantity,
            new Money(unitPrice, currency),
            new Money(line.AddedAtPrice, line.Currency),
            availability,
            availability is ItemAvailability.Deleted or ItemAvailability.Unavailable ? 0 : Math.Max(available, 0));
    }
}
