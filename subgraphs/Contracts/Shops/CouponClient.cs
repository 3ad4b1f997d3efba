using System.Net.Http.Json;

namespace GoShop.Contracts.Shops;

/// <summary>An amount of money on the wire: the same JSON shape as <c>Money { amount currency }</c> (VND by default).</summary>
public sealed record CouponMoney(decimal Amount, string Currency);

/// <summary>One line of the order a coupon is priced against: its product and the line's amount (price times quantity).</summary>
public sealed record CouponLine(Guid ProductId, decimal Amount);

/// <summary>Price a coupon of one shop against the part of an order from that shop, without using it.</summary>
public sealed record CouponQuoteRequest(Guid ShopId, string Code, Guid UserId, CouponMoney Subtotal, IReadOnlyList<CouponLine> Lines);

/// <summary>
/// A coupon's answer: <see cref="Applicable"/> with the promotion and the discount, or not, with a
/// <see cref="Reason"/> code to branch on: COUPON_NOT_FOUND, COUPON_NOT_ACTIVE, COUPON_EXPIRED, MIN_ORDER_NOT_MET,
/// USAGE_LIMIT_REACHED, PER_USER_LIMIT_REACHED or NOT_APPLICABLE (and REDEMPTION_RELEASED when redeeming), and a
/// <see cref="Message"/> to show the buyer.
/// </summary>
public sealed record CouponQuote(
    bool Applicable,
    Guid? PromotionId,
    string? PromotionName,
    string? Code,
    CouponMoney? Discount,
    string? Reason,
    string? Message);

/// <summary>
/// Use a coupon on an order: counted exactly once per (promotion, order id) however often it is sent, within the
/// promotion's total and per-user limits even when many orders redeem at the same moment.
/// </summary>
public sealed record CouponRedemptionRequest(
    Guid ShopId, string Code, Guid UserId, Guid OrderId, CouponMoney Subtotal, IReadOnlyList<CouponLine> Lines);

/// <summary>A redemption: the same one again for a repeated request; <see cref="Quote"/> says why when not redeemed.</summary>
public sealed record CouponRedemption(bool Redeemed, Guid? RedemptionId, CouponQuote Quote);

/// <summary>Give back the coupon uses of an order (cancelled): all of them, or only one promotion's.</summary>
public sealed record CouponReleaseRequest(Guid OrderId, Guid? PromotionId = null);

/// <summary>How many uses were given back by this call (0 when they already were).</summary>
public sealed record CouponRelease(int Released);

/// <summary>
/// The shops subgraph's internal coupon API (<c>/internal/coupons/...</c>), for cart (quotes) and ordering (redeem,
/// release). Register with <c>AddInternalApiClient&lt;CouponClient&gt;(configuration)</c>. Every call is
/// idempotent, so the client's retries are safe.
/// </summary>
public class CouponClient(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Shops;

    public virtual Task<CouponQuote> QuoteAsync(CouponQuoteRequest request, CancellationToken cancellationToken) =>
        PostAsync<CouponQuoteRequest, CouponQuote>("internal/coupons/quote", request, cancellationToken);

    public virtual Task<CouponRedemption> RedeemAsync(CouponRedemptionRequest request, CancellationToken cancellationToken) =>
        PostAsync<CouponRedemptionRequest, CouponRedemption>("internal/coupons/redemptions", request, cancellationToken);

    public virtual Task<CouponRelease> ReleaseAsync(CouponReleaseRequest request, CancellationToken cancellationToken) =>
        PostAsync<CouponReleaseRequest, CouponRelease>("internal/coupons/releases", request, cancellationToken);

    private async Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TResponse>(cancellationToken)
            ?? throw new InvalidOperationException($"The shops subgraph answered {path} with nothing.");
    }
}
