using GoShop.Shops.Domain;

namespace GoShop.Shops.Data;

/// <summary>
/// The derived statuses of promotions and campaigns (<see cref="Promotion.StatusAt"/>, <see cref="Campaign.StatusAt"/>)
/// as SQL filters, so lists filter in the database and agree with what each row reads as.
/// </summary>
public static class StatusQueries
{
    public static IQueryable<Promotion> WithStatus(this IQueryable<Promotion> promotions, PromotionStatus status, DateTimeOffset now) =>
        status == PromotionStatus.Expired
            ? promotions.Where(p => p.EndsAt <= now)
            : promotions.Where(p => p.EndsAt > now && p.Status == status);

    public static IQueryable<Campaign> WithStatus(this IQueryable<Campaign> campaigns, CampaignStatus status, DateTimeOffset now) => status switch
    {
        CampaignStatus.Ended => campaigns.Where(c => c.EndedAt != null || c.EndsAt <= now),
        CampaignStatus.Paused => campaigns.Where(c => c.EndedAt == null && c.EndsAt > now && c.PausedAt != null),
        CampaignStatus.Running => campaigns.Where(c => c.EndedAt == null && c.EndsAt > now && c.PausedAt == null && c.StartsAt <= now),
        _ => campaigns.Where(c => c.EndedAt == null && c.PausedAt == null && c.StartsAt > now),
    };
}
