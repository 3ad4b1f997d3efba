using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Coupons;

/// <summary>
/// Prices, redeems and releases coupons for cart and ordering (the internal coupon API). A redemption runs under
/// the promotion's row lock: the count of uses, the buyer's own uses and the check that the order has not used the
/// coupon already are read and written one redemption at a time, so the limits hold however many checkouts race.
/// </summary>
public sealed class CouponDesk(ShopsDbContext db, TimeProvider clock)
{
    public async Task<CouponQuote> QuoteAsync(CouponQuoteRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await FindAsync(request.ShopId, request.Code, cancellationToken);
        if (!found.Succeeded)
            return Rejected(null, found.Error);
        var promotion = found.Value;
        var priced = promotion.Price(OrderOf(request.Subtotal, request.Lines), now,
            await UsesOfAsync(promotion.Id, request.UserId, cancellationToken),
            await CampaignRunningAsync(promotion, now, cancellationToken));
        return priced.Succeeded ? Applicable(promotion, priced.Value) : Rejected(promotion, priced.Error);
    }

    public async Task<CouponRedemption> RedeemAsync(CouponRedemptionRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await FindAsync(request.ShopId, request.Code, cancellationToken);
        if (!found.Succeeded)
            return new CouponRedemption(false, null, Rejected(null, found.Error));
        var promotion = await db.LockPromotionAsync(found.Value.Id, cancellationToken);
        if (promotion is null)
            return new CouponRedemption(false, null, Rejected(null, NotFound));

        var earlier = await db.PromotionRedemptions
            .FirstOrDefaultAsync(r => r.PromotionId == promotion.Id && r.OrderId == request.OrderId, cancellationToken);
        if (earlier is not null)
        {
            return earlier.IsReleased
                ? new CouponRedemption(false, earlier.Id, Rejected(promotion,
                    new DomainError(CouponRejections.AlreadyReleased, "This order's use of the coupon was given back; a new order can use it again.")))
                : new CouponRedemption(true, earlier.Id, Applicable(promotion, earlier.Discount));
        }
        if (promotion.DeletedAt is not null)
            return new CouponRedemption(false, null, Rejected(null, NotFound));

        var now = clock.GetUtcNow();
        var redeemed = promotion.Redeem(request.UserId, request.OrderId, OrderOf(request.Subtotal, request.Lines), now,
            await UsesOfAsync(promotion.Id, request.UserId, cancellationToken),
            await CampaignRunningAsync(promotion, now, cancellationToken));
        if (!redeemed.Succeeded)
            return new CouponRedemption(false, null, Rejected(promotion, redeemed.Error));
        db.PromotionRedemptions.Add(redeemed.Value);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CouponRedemption(true, redeemed.Value.Id, Applicable(promotion, redeemed.Value.Discount));
    }

    public async Task<CouponRelease> ReleaseAsync(CouponReleaseRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var promotionIds = await db.PromotionRedemptions
            .Where(r => r.OrderId == request.OrderId && r.ReleasedAt == null && (request.PromotionId == null || r.PromotionId == request.PromotionId))
            .Select(r => r.PromotionId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var released = 0;
        // In id order, so two releases touching the same promotions never wait on each other in a circle.
        foreach (var promotionId in promotionIds)
        {
            var promotion = (await db.LockPromotionAsync(promotionId, cancellationToken))!;
            var redemption = await db.PromotionRedemptions.SingleAsync(r => r.PromotionId == promotionId && r.OrderId == request.OrderId, cancellationToken);
            if (promotion.Release(redemption, now))
                released++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CouponRelease(released);
    }

    private static DomainError NotFound { get; } = new(CouponRejections.NotFound, "No such coupon in this shop.");

    /// <summary>The live promotion of an open shop with the code (letter case ignored), read without tracking.</summary>
    private async Task<Result<Promotion>> FindAsync(Guid shopId, string code, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == shopId).Select(s => (ShopStatus?)s.Status).FirstOrDefaultAsync(cancellationToken);
        if (shop is null)
            return NotFound;
        var promotion = await db.Promotions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.ShopId == shopId && p.DeletedAt == null && p.CouponCode == trimmed, cancellationToken);
        if (promotion is null)
            return NotFound;
        if (shop != ShopStatus.Active)
            return new DomainError(CouponRejections.NotActive, "The shop is not open, so its coupons cannot be used.");
        return promotion;
    }

    private Task<int> UsesOfAsync(Guid promotionId, Guid userId, CancellationToken cancellationToken) =>
        db.PromotionRedemptions.CountAsync(r => r.PromotionId == promotionId && r.UserId == userId && r.ReleasedAt == null, cancellationToken);

    private async Task<bool> CampaignRunningAsync(Promotion promotion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (promotion.CampaignId is not { } campaignId)
            return true;
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        return campaign?.StatusAt(now) == CampaignStatus.Running;
    }

    private static CouponOrder OrderOf(CouponMoney subtotal, IReadOnlyList<CouponLine> lines) =>
        new(subtotal.Amount, subtotal.Currency.Trim().ToUpperInvariant(), lines.Select(l => new CouponOrderLine(l.ProductId, l.Amount)).ToList());

    private static CouponQuote Applicable(Promotion promotion, decimal discount) =>
        new(true, promotion.Id, promotion.Name, promotion.CouponCode, new CouponMoney(discount, promotion.Currency), null, null);

    private static CouponQuote Rejected(Promotion? promotion, DomainError error) =>
        new(false, promotion?.Id, promotion?.Name, promotion?.CouponCode, null, error.Code, error.Message);
}
