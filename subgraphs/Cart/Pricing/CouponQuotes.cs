using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;

namespace GoShop.Cart.Pricing;

/// <summary>
/// Asks the shops subgraph (<see cref="CouponClient"/>) what a coupon takes off the part of a cart from its shop: when a
/// buyer applies it, and again whenever the cart is read, so a coupon that expired or ran out shows as not applicable
/// with a discount of 0 instead of failing the cart.
/// </summary>
public sealed class CouponQuotes(CouponClient coupons, ILogger<CouponQuotes> logger)
{
    public const string ShopsUnavailable = "SHOPS_UNAVAILABLE";

    /// <summary>Every shop of the cart with a coupon, quoted at the same time.</summary>
    public async Task<IReadOnlyDictionary<Guid, CouponStanding>> QuoteAllAsync(CartView cart, CancellationToken cancellationToken)
    {
        var quoted = await Task.WhenAll(cart.Shops.Where(s => s.CouponCode is not null)
            .Select(async shop => (shop.ShopId, Standing: await QuoteAsync(cart.UserId, shop, shop.CouponCode!, cancellationToken))));
        return quoted.ToDictionary(q => q.ShopId, q => q.Standing);
    }

    public async Task<CouponStanding> QuoteAsync(Guid userId, CartShopGroup shop, string code, CancellationToken cancellationToken)
    {
        var subtotal = shop.Subtotal;
        var request = new CouponQuoteRequest(shop.ShopId, code, userId, new CouponMoney(subtotal.Amount, subtotal.Currency),
            shop.CountedItems.Select(i => new CouponLine(i.ProductId, i.LineTotal.Amount)).ToList());
        var quoted = await InternalApi.CallAsync(() => coupons.QuoteAsync(request, cancellationToken),
            new DomainError(ShopsUnavailable, "The coupon cannot be checked right now; try again shortly."),
            logger, cancellationToken, $"quote coupon {code} of shop {shop.ShopId}");
        if (!quoted.Succeeded)
            return new CouponStanding(code, false, quoted.Error.Code, quoted.Error.Message, null, Money.Zero(subtotal.Currency));
        var quote = quoted.Value;
        if (!quote.Applicable)
        {
            return new CouponStanding(code, false, quote.Reason ?? "NOT_APPLICABLE", quote.Message ?? "This coupon does not apply to these items.",
                quote.PromotionName, Money.Zero(subtotal.Currency));
        }
        var discount = Math.Min(quote.Discount?.Amount ?? 0m, subtotal.Amount);
        return new CouponStanding(code, true, null, null, quote.PromotionName, new Money(discount, subtotal.Currency));
    }
}
