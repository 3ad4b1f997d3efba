using System.Runtime.CompilerServices;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Shops;
using GoShop.Ordering.Domain;
using Microsoft.Extensions.Options;

namespace GoShop.Ordering.Pricing;

/// <summary>
/// The one place fees are computed, for orderPreview and placeOrder alike, so a preview is exactly what placing charges.
/// Per shop: the goods at catalog's effective prices now (never the cart's copy), the discount of the coupons that apply
/// (quoted by shops), shipping (<see cref="IShippingFeeQuoter"/>: the shipping subgraph's quote), VAT on goods after the discount, and the total.
/// Every check placement makes before it holds anything happens here too: the address is the buyer's, the cart has the
/// items, each product is for sale with enough stock, each shop is ACTIVE and not the buyer's own.
/// </summary>
public sealed class CheckoutPricing(
    AddressDirectory addresses,
    CartDirectory carts,
    ProductDirectory products,
    ShopDirectory shops,
    CouponClient coupons,
    IShippingFeeQuoter shipping,
    IOptions<OrderingOptions> options,
    ILogger<CheckoutPricing> logger)
{
    /// <summary>The most products catalog looks up at once (its product lookup refuses more).</summary>
    public const int MaxProducts = 200;

    private const string ActiveStatus = "ACTIVE";
    private const string OutOfStockStatus = "OUT_OF_STOCK";

    public async Task<CheckoutPrice> PriceAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await PriceOrRefuseAsync(request, cancellationToken);
        }
        catch (SubgraphUnavailableException unavailable)
        {
            return CheckoutPrice.Refused(unavailable.Error);
        }
    }

    /// <summary>A shop's fees after its coupons were redeemed: the discount the redemptions granted is the one charged.</summary>
    public ShopPrice Reprice(ShopPrice shop, IReadOnlyList<PricedCoupon> redeemed) =>
        shop with { Coupons = redeemed, Fees = Fees(shop.Lines, redeemed, shop.Shipping) };

    private async Task<CheckoutPrice> PriceOrRefuseAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var addressTask = Call(() => addresses.FindAsync(request.BuyerId, request.AddressId, cancellationToken), OrderErrors.IdentityUnavailable, cancellationToken);
        var cartTask = Call(() => carts.GetAsync(request.BuyerId, cancellationToken), OrderErrors.CartUnavailable, cancellationToken);
        await Task.WhenAll(addressTask, cartTask);
        if (await addressTask is not { } found)
            return CheckoutPrice.Refused(OrderErrors.AddressNotFound);
        var address = CheckoutPrice.ToOrderAddress(found);
        var cart = await cartTask;

        var chosen = request.CartItemIds is { } itemIds ? cart.Items.Where(i => itemIds.Contains(i.ItemId)).ToList() : [.. cart.Items];
        if (request.CartItemIds?.Where(id => cart.Items.All(i => i.ItemId != id)).Select(OrderErrors.CartItemNotFound).ToArray() is { Length: > 0 } unknown)
            return CheckoutPrice.Refused(unknown);
        if (chosen.Count == 0)
            return CheckoutPrice.Refused(OrderErrors.CartEmpty);

        var problems = new List<DomainError>();
        var lines = await PriceLinesAsync(chosen, problems, cancellationToken);
        var byShop = lines.GroupBy(l => l.Product.ShopId).ToList();
        var snapshots = await Task.WhenAll(byShop.Select(g => Call(() => shops.FindAsync(g.Key, cancellationToken), OrderErrors.ShopsUnavailable, cancellationToken)));

        var groups = new List<(ShopSnapshot Shop, IReadOnlyList<PricedLine> Lines)>();
        foreach (var (group, shop) in byShop.Zip(snapshots))
        {
            if (shop is null)
            {
                problems.Add(OrderErrors.UnknownShopUnavailable(group.Key));
                continue;
            }
            if (shop.Status != ActiveStatus)
                problems.Add(OrderErrors.ShopUnavailable(shop.Name));
            if (shop.OwnerId == request.BuyerId && !problems.Contains(OrderErrors.CannotBuyFromOwnShop))
                problems.Add(OrderErrors.CannotBuyFromOwnShop);
            groups.Add((shop, group.ToList()));
        }

        var couponsByShop = await ChooseCouponsAsync(request, cart, groups, problems, cancellationToken);
        var priced = new List<ShopPrice>();
        foreach (var (shop, shopLines) in groups)
        {
            var applied = couponsByShop[shop.ShopId];
            var parcel = new ShippingFeeRequest(shop.ShopId, new GeoPoint(shop.Latitude, shop.Longitude), address,
                shopLines.Sum(l => l.Product.WeightGrams * l.Quantity), request.CashOnDelivery, Subtotal(shopLines) - applied.Sum(c => c.Discount));
            var fee = await shipping.QuoteAsync(parcel, cancellationToken);
            if (!fee.Succeeded)
                return CheckoutPrice.Refused(fee.Error);
            priced.Add(new ShopPrice(shop, shopLines, applied, fee.Value, Fees(shopLines, applied, fee.Value)));
        }
        return new CheckoutPrice(address, priced, problems);
    }

    /// <summary>
    /// The chosen cart items priced now, one line per product and variant. A product catalog no longer has is a problem
    /// without a line; one not for sale or short of stock is a line with its issue (and a problem).
    /// </summary>
    private async Task<List<PricedLine>> PriceLinesAsync(List<CartLine> chosen, List<DomainError> problems, CancellationToken cancellationToken)
    {
        var wanted = chosen.GroupBy(i => new ProductKey(i.ProductId, i.VariantId)).ToList();
        if (wanted.Count > MaxProducts)
        {
            problems.Add(OrderErrors.TooManyProducts(MaxProducts));
            return [];
        }
        var found = (await Call(() => products.LookupAsync(wanted.Select(g => g.Key), cancellationToken), OrderErrors.CatalogUnavailable, cancellationToken))
            .ToDictionary(p => new ProductKey(p.ProductId, p.VariantId));
        var lines = new List<PricedLine>();
        foreach (var items in wanted)
        {
            if (!found.TryGetValue(items.Key, out var product))
            {
                problems.Add(OrderErrors.ProductGone(items.Key.ProductId));
                continue;
            }
            var quantity = items.Sum(i => i.Quantity);
            DomainError? issue = quantity < 1 ? OrderErrors.QuantityOutOfRange(Describe(product))
                : product.Status is not (ActiveStatus or OutOfStockStatus) ? OrderErrors.ProductUnavailable(Describe(product))
                : product.Currency != Money.DefaultCurrency ? OrderErrors.CurrencyNotSupported(Describe(product), product.Currency)
                : product.Available < quantity ? OrderErrors.OutOfStock(Describe(product), quantity, product.Available)
                : null;
            if (issue is not null)
                problems.Add(issue);
            lines.Add(new PricedLine(items.Select(i => i.ItemId).ToList(), product, quantity, Money.Round(product.EffectivePrice), issue));
        }
        return lines;
    }

    /// <summary>
    /// The coupons of each shop. Codes the buyer typed are tried on every shop of the order and must apply to at least
    /// one; without typed codes, the coupons applied in the cart to the shops of this order are used and must still apply.
    /// One coupon per shop.
    /// </summary>
    private async Task<Dictionary<Guid, IReadOnlyList<PricedCoupon>>> ChooseCouponsAsync(CheckoutRequest request, CartSnapshot cart,
        List<(ShopSnapshot Shop, IReadOnlyList<PricedLine> Lines)> groups, List<DomainError> problems, CancellationToken cancellationToken)
    {
        var tries = request.CouponCodes is { } typed
            ? typed.SelectMany(code => groups.Select(g => (Code: code, g.Shop, g.Lines))).ToList()
            : cart.Coupons.SelectMany(c => groups.Where(g => g.Shop.ShopId == c.ShopId).Select(g => (c.Code, g.Shop, g.Lines))).ToList();
        var quotes = await Task.WhenAll(tries.Select(t => Call(() => coupons.QuoteAsync(
            new CouponQuoteRequest(t.Shop.ShopId, t.Code, request.BuyerId, new CouponMoney(Subtotal(t.Lines), Money.DefaultCurrency), CouponLines(t.Lines)),
            cancellationToken), OrderErrors.ShopsUnavailable, cancellationToken)));
        var answers = tries.Zip(quotes, (t, quote) => (t.Code, t.Shop.ShopId, Quote: quote)).ToList();

        foreach (var code in answers.Select(a => a.Code).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var ofCode = answers.Where(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofCode.Any(a => a.Quote.Applicable))
                continue;
            // The most telling refusal: a shop that has the coupon (too small an order, used up) rather than one that does not.
            var refusal = ofCode.Select(a => a.Quote).OrderBy(q => q.Reason == "COUPON_NOT_FOUND").First();
            problems.Add(OrderErrors.CouponRefused(code, refusal.Reason, refusal.Message));
        }
        var chosen = groups.ToDictionary(g => g.Shop.ShopId, g => (IReadOnlyList<PricedCoupon>)answers
            .Where(a => a.ShopId == g.Shop.ShopId && a.Quote.Applicable)
            .Select(a => new PricedCoupon(a.Quote.Code ?? a.Code, a.Quote.PromotionId, a.Quote.Discount?.Amount ?? 0m))
            .ToList());
        if (chosen.Values.Any(c => c.Count > 1))
            problems.Add(OrderErrors.OneCouponPerShop);
        return chosen;
    }

    private OrderFees Fees(IReadOnlyList<PricedLine> lines, IReadOnlyList<PricedCoupon> applied, ShippingFeeQuote fee) =>
        OrderFees.Compute(Subtotal(lines), applied.Sum(c => c.Discount), fee.Fee, options.Value.VatRate);

    private static decimal Subtotal(IEnumerable<PricedLine> lines) => lines.Sum(l => l.LineTotal);

    /// <summary>What a coupon of the shop is priced against: each line's amount, by product.</summary>
    public static IReadOnlyList<CouponLine> CouponLines(IEnumerable<PricedLine> lines) =>
        lines.Select(l => new CouponLine(l.Product.ProductId, l.LineTotal)).ToList();

    private static string Describe(ProductSummary product) =>
        product.VariantTitle is { Length: > 0 } variant ? $"{product.Title} ({variant})" : product.Title;

    private Task<T> Call<T>(Func<Task<T>> call, DomainError unavailable, CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(call))] string asking = "") =>
        InternalCalls.RunAsync(call, unavailable, logger, cancellationToken, asking);
}
