using GoShop.Shops.Domain;

namespace GoShop.Shops.Promotions;

/// <summary>What a promotion says and grants; its coupon code trimmed (null for an automatic promotion).</summary>
public sealed record PromotionDraft(string Name, string? Description, string? CouponCode, PromotionTerms Terms);

/// <summary>A promotion a shop's owner or an admin creates, already checked.</summary>
public sealed record NewPromotion(Guid ShopId, PromotionDraft Draft, PromotionStatus Status, Guid? CampaignId);

/// <summary>
/// What updatePromotion asks to change: null leaves a field as it is; an empty description or coupon code removes it,
/// and <see cref="RemoveLimits"/> removes limits whatever else says.
/// </summary>
public sealed record PromotionChanges(
    string? Name,
    string? Description,
    PromotionType? Type,
    decimal? Value,
    decimal? MinOrderValue,
    decimal? MaxDiscount,
    int? UsageLimit,
    int? UsageLimitPerUser,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? CouponCode,
    PromotionScope? Scope,
    IReadOnlyList<Guid>? ProductIds,
    PromotionStatus? Status,
    IReadOnlyList<PromotionLimit> RemoveLimits)
{
    /// <summary>The promotion as it will read once the changes are made (its status aside).</summary>
    public PromotionDraft ApplyTo(Promotion promotion)
    {
        var current = promotion.Terms;
        var scope = Scope ?? current.Scope;
        var terms = new PromotionTerms(
            Type ?? current.Type,
            Value ?? current.Value,
            RemoveLimits.Contains(PromotionLimit.MinOrderValue) ? null : MinOrderValue ?? current.MinOrderValue,
            RemoveLimits.Contains(PromotionLimit.MaxDiscount) ? null : MaxDiscount ?? current.MaxDiscount,
            RemoveLimits.Contains(PromotionLimit.UsageLimit) ? null : UsageLimit ?? current.UsageLimit,
            RemoveLimits.Contains(PromotionLimit.UsageLimitPerUser) ? null : UsageLimitPerUser ?? current.UsageLimitPerUser,
            StartsAt ?? current.StartsAt,
            EndsAt ?? current.EndsAt,
            scope,
            ProductIds ?? (scope == PromotionScope.WholeShop ? [] : current.ProductIds));
        var code = CouponCode is null ? promotion.CouponCode : string.IsNullOrWhiteSpace(CouponCode) ? null : CouponCode.Trim();
        return new PromotionDraft(Name ?? promotion.Name, Description ?? promotion.Description, code, terms);
    }
}
