using GoShop.Contracts.Shops;

namespace GoShop.Testing.Fakes;

/// <summary>
/// The shops subgraph's internal coupon API (<see cref="CouponClient"/>): a test adds a shop's coupon with a fixed or
/// percentage discount, a minimum order and a usage limit; redemptions count once per (coupon, order) like the real one.
/// </summary>
public sealed class FakeCouponService : FakeInternalService
{
    private readonly Lock _gate = new();
    private readonly List<Coupon> _coupons = [];
    private readonly Dictionary<(Guid PromotionId, Guid OrderId), Guid> _redemptions = [];

    /// <summary>Adds a coupon of a shop: <paramref name="amountOff"/> đồng off, or <paramref name="percentOff"/> percent.</summary>
    public Guid AddCoupon(Guid shopId, string code, decimal? amountOff = null, decimal? percentOff = null, decimal minOrder = 0, int? usageLimit = null)
    {
        if (amountOff is null == percentOff is null)
            throw new ArgumentException("Give either amountOff or percentOff.");
        var coupon = new Coupon(Guid.CreateVersion7(), shopId, code, amountOff, percentOff, minOrder, usageLimit);
        lock (_gate)
            _coupons.Add(coupon);
        return coupon.PromotionId;
    }

    /// <summary>How many uses of coupons are recorded (and not released) in all.</summary>
    public int Redemptions
    {
        get
        {
            lock (_gate)
                return _redemptions.Count;
        }
    }

    /// <summary>The uses recorded for one order.</summary>
    public int RedemptionsOf(Guid orderId)
    {
        lock (_gate)
            return _redemptions.Keys.Count(k => k.OrderId == orderId);
    }

    protected override async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        if (!IsPost(request))
            return NotFound();
        switch (segments)
        {
            case ["coupons", "quote"]:
            {
                var quote = await ReadAsync<CouponQuoteRequest>(request, cancellationToken);
                lock (_gate)
                    return Json(Quote(quote.ShopId, quote.Code, quote.Subtotal));
            }
            case ["coupons", "redemptions"]:
            {
                var redeem = await ReadAsync<CouponRedemptionRequest>(request, cancellationToken);
                lock (_gate)
                {
                    var quote = Quote(redeem.ShopId, redeem.Code, redeem.Subtotal);
                    if (!quote.Applicable)
                        return Json(new CouponRedemption(false, null, quote));
                    var key = (quote.PromotionId!.Value, redeem.OrderId);
                    if (!_redemptions.TryGetValue(key, out var redemptionId))
                        _redemptions[key] = redemptionId = Guid.CreateVersion7();
                    return Json(new CouponRedemption(true, redemptionId, quote));
                }
            }
            case ["coupons", "releases"]:
            {
                var release = await ReadAsync<CouponReleaseRequest>(request, cancellationToken);
                lock (_gate)
                {
                    var keys = _redemptions.Keys
                        .Where(k => k.OrderId == release.OrderId && (release.PromotionId is null || k.PromotionId == release.PromotionId))
                        .ToList();
                    keys.ForEach(k => _redemptions.Remove(k));
                    return Json(new CouponRelease(keys.Count));
                }
            }
            default:
                return NotFound();
        }
    }

    private CouponQuote Quote(Guid shopId, string code, CouponMoney subtotal)
    {
        var coupon = _coupons.FirstOrDefault(c => c.ShopId == shopId && string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
        if (coupon is null)
            return new CouponQuote(false, null, null, code, null, "COUPON_NOT_FOUND", $"This shop has no coupon {code}.");
        if (subtotal.Amount < coupon.MinOrder)
            return new CouponQuote(false, coupon.PromotionId, coupon.Code, coupon.Code, null, "MIN_ORDER_NOT_MET",
                $"Coupon {coupon.Code} needs an order of at least {coupon.MinOrder:0} {subtotal.Currency}.");
        if (coupon.UsageLimit is { } limit && _redemptions.Keys.Count(k => k.PromotionId == coupon.PromotionId) >= limit)
            return new CouponQuote(false, coupon.PromotionId, coupon.Code, coupon.Code, null, "USAGE_LIMIT_REACHED",
                $"Coupon {coupon.Code} has been used up.");
        var discount = coupon.AmountOff ?? Math.Round(subtotal.Amount * coupon.PercentOff!.Value / 100m, 0, MidpointRounding.AwayFromZero);
        return new CouponQuote(true, coupon.PromotionId, coupon.Code, coupon.Code,
            new CouponMoney(Math.Min(discount, subtotal.Amount), subtotal.Currency), null, null);
    }

    private sealed record Coupon(Guid PromotionId, Guid ShopId, string Code, decimal? AmountOff, decimal? PercentOff, decimal MinOrder, int? UsageLimit);
}
