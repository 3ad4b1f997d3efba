using GoShop.BuildingBlocks.Domain;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using GoShop.Shops.Registry;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Campaigns;

/// <summary>A campaign a shop's owner or an admin schedules, its texts already checked.</summary>
public sealed record CampaignPlan(Guid ShopId, string Name, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid> PromotionIds);

/// <summary>
/// Scheduling a shop's campaigns, with the promotions they group, and moving them through their statuses; by the shop's
/// owner or an admin, under the shop's row lock like every change to the shop.
/// </summary>
public sealed class CampaignPlanner(ShopsDbContext db, TimeProvider clock)
{
    public async Task<Result<Campaign>> ScheduleAsync(Guid userId, bool isAdmin, CampaignPlan plan, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, userId, isAdmin, plan.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error;
        var now = clock.GetUtcNow();
        var scheduled = Campaign.Schedule(loaded.Value.Id, plan.Name, plan.Description, plan.StartsAt, plan.EndsAt, now);
        if (!scheduled.Succeeded)
            return scheduled.Error;

        var wanted = plan.PromotionIds.Distinct().ToList();
        var promotions = await db.Promotions
            .Where(p => wanted.Contains(p.Id) && p.ShopId == loaded.Value.Id && p.DeletedAt == null)
            .ToListAsync(cancellationToken);
        if (promotions.Count != wanted.Count)
            return ShopErrors.PromotionNotFound with { Field = "promotionIds", Message = "Every promotion must be a live promotion of this shop." };
        db.Campaigns.Add(scheduled.Value);
        foreach (var promotion in promotions)
            promotion.JoinCampaign(scheduled.Value.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return scheduled.Value;
    }

    /// <summary>Starts (or resumes), pauses or ends a campaign.</summary>
    public async Task<Result<Campaign>> ChangeStatusAsync(Guid userId, bool isAdmin, Guid campaignId, CampaignStatus status, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var shopId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (Guid?)c.ShopId).FirstOrDefaultAsync(cancellationToken);
        if (shopId is null)
            return ShopErrors.CampaignNotFound;
        var loaded = await ShopAccess.LoadForChangeAsync(db, userId, isAdmin, shopId.Value, cancellationToken);
        if (!loaded.Succeeded)
            return loaded.Error with { Field = "campaignId" };
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, cancellationToken);
        var changed = campaign.ChangeStatus(status, clock.GetUtcNow());
        if (!changed.Succeeded)
            return changed.Error;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return campaign;
    }
}
