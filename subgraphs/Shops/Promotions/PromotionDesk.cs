using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using GoShop.Shops.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GoShop.Shops.Promotions;

/// <summary>
/// Creating, changing and deleting a shop's promotions, by its owner or an admin. Each runs under the shop's row lock
/// (then the promotion's), so a coupon code stays unique in the shop and a change never races a redemption's count.
/// </summary>
public sealed class PromotionDesk(ShopsDbContext db, TimeProvider clock)
{
    private const string CouponCodeIndex = "ix_promotions_shop_id_coupon_code";

    /// <summary>What <see cref="UpdateAsync"/> answers when the caller's rules refused the changed promotion (the caller said why).</summary>
    public static DomainError ChangesRefused { get; } = new("INVALID_PROMOTION", "The changed promotion is not valid.");

    public async Task<Result<Promotion>> CreateAsync(Guid userId, bool isAdmin, NewPromotion request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, userId, isAdmin, request.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var shop = loaded.Value;
        var now = clock.GetUtcNow();
        if (request.CampaignId is { } campaignId && await CampaignProblemAsync(shop.Id, campaignId, now, cancellationToken) is { } campaignProblem)
            return campaignProblem;
        var draft = request.Draft;
        if (draft.CouponCode is { } code && await CodeTakenAsync(shop.Id, code, except: null, cancellationToken))
            return ShopErrors.CouponCodeTaken;

        var created = Promotion.Create(shop.Id, draft.Name, draft.Description, draft.CouponCode, draft.Terms, request.Status, request.CampaignId, now);
        if (!created.Succeeded)
            return created.Error;
        db.Promotions.Add(created.Value);
        return await SaveAsync(created.Value, transaction, cancellationToken);
    }

    /// <summary>
    /// Changes a promotion. <paramref name="admits"/> judges the promotion as it will read (its rules span fields the
    /// request may leave out); when it refuses, nothing changes.
    /// </summary>
    public async Task<Result<Promotion>> UpdateAsync(
        Guid userId, bool isAdmin, Guid promotionId, PromotionChanges changes, Func<PromotionDraft, bool> admits, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadForChangeAsync(userId, isAdmin, promotionId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var promotion = loaded.Value;
        var draft = changes.ApplyTo(promotion);
        if (!admits(draft))
            return ChangesRefused;
        if (draft.CouponCode is { } code && !string.Equals(code, promotion.CouponCode, StringComparison.OrdinalIgnoreCase)
            && await CodeTakenAsync(promotion.ShopId, code, except: promotion.Id, cancellationToken))
        {
            return ShopErrors.CouponCodeTaken;
        }

        var now = clock.GetUtcNow();
        var revised = promotion.Revise(draft.Name, draft.Description, draft.CouponCode, draft.Terms, now);
        if (!revised.Succeeded)
            return revised.Error;
        if (changes.Status is { } status && promotion.SetStatus(status, now) is { Succeeded: false } refused)
            return refused.Error;
        return await SaveAsync(promotion, transaction, cancellationToken);
    }

    /// <summary>Deletes a promotion: it stops applying at once and its coupon code is free again.</summary>
    public async Task<Result<Promotion>> DeleteAsync(Guid userId, bool isAdmin, Guid promotionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadForChangeAsync(userId, isAdmin, promotionId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        loaded.Value.Delete(clock.GetUtcNow());
        return await SaveAsync(loaded.Value, transaction, cancellationToken);
    }

    /// <summary>The promotion, not deleted, its shop and then its own row locked, when the user manages the shop and it is not closed.</summary>
    private async Task<Result<Promotion>> LoadForChangeAsync(Guid userId, bool isAdmin, Guid promotionId, CancellationToken cancellationToken)
    {
        var shopId = await db.Promotions.Where(p => p.Id == promotionId && p.DeletedAt == null).Select(p => (Guid?)p.ShopId)
            .FirstOrDefaultAsync(cancellationToken);
        if (shopId is null)
            return ShopErrors.PromotionNotFound;
        var shop = await ShopAccess.LoadForChangeAsync(db, userId, isAdmin, shopId.Value, cancellationToken);
        if (!shop.Succeeded)
            return shop.Error with { Field = "promotionId" };
        var promotion = await db.LockPromotionAsync(promotionId, cancellationToken);
        return promotion is { DeletedAt: null } ? promotion : ShopErrors.PromotionNotFound;
    }

    private async Task<DomainError?> CampaignProblemAsync(Guid shopId, Guid campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId && c.ShopId == shopId, cancellationToken);
        if (campaign is null)
            return ShopErrors.CampaignNotFound;
        return campaign.StatusAt(now) == CampaignStatus.Ended ? ShopErrors.CampaignEnded with { Field = "campaignId" } : null;
    }

    /// <summary>Whether another live promotion of the shop has the code; the column is citext, so letter case does not matter.</summary>
    private Task<bool> CodeTakenAsync(Guid shopId, string code, Guid? except, CancellationToken cancellationToken) =>
        db.Promotions.AnyAsync(p => p.ShopId == shopId && p.DeletedAt == null && p.CouponCode == code && p.Id != except, cancellationToken);

    private async Task<Result<Promotion>> SaveAsync(Promotion promotion, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(CouponCodeIndex))
        {
            return ShopErrors.CouponCodeTaken;
        }
        return promotion;
    }
}
