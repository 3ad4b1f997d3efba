using GoShop.BuildingBlocks.Data;
using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Data;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Shops.GraphQL.Mutations;

public sealed record CreatePromotionInput
{
    public required Guid ShopId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required PromotionType Type { get; init; }

    [Description("The percentage (1 to 100) for PERCENTAGE, the amount in VND for FIXED_AMOUNT.")]
    public required decimal Value { get; init; }

    [Description("The order subtotal needed, in VND.")]
    public decimal? MinOrderValue { get; init; }

    [Description("The most taken off one order, in VND.")]
    public decimal? MaxDiscount { get; init; }

    public int? UsageLimit { get; init; }

    public int? UsageLimitPerUser { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    [Description("The code buyers enter (3 to 32 letters, digits, dashes or underscores; unique in the shop, whatever the letter case). Leave out for an automatic promotion.")]
    public string? CouponCode { get; init; }

    [Description("WHOLE_SHOP when left out.")]
    public PromotionScope? Scope { get; init; }

    [Description("The products a PRODUCTS promotion covers.")]
    public List<Guid>? ProductIds { get; init; }

    [Description("ACTIVE when left out; DRAFT to prepare it unpublished.")]
    public PromotionStatus? Status { get; init; }

    [Description("A campaign of the same shop to group it under; it then applies only while the campaign runs.")]
    public Guid? CampaignId { get; init; }
}

public sealed record UpdatePromotionInput
{
    public required Guid PromotionId { get; init; }

    public string? Name { get; init; }

    [Description("An empty string removes it.")]
    public string? Description { get; init; }

    public PromotionType? Type { get; init; }

    public decimal? Value { get; init; }

    public decimal? MinOrderValue { get; init; }

    public decimal? MaxDiscount { get; init; }

    public int? UsageLimit { get; init; }

    public int? UsageLimitPerUser { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    [Description("An empty string removes it (the promotion becomes automatic).")]
    public string? CouponCode { get; init; }

    public PromotionScope? Scope { get; init; }

    public List<Guid>? ProductIds { get; init; }

    [Description("DRAFT (only while never published), ACTIVE or PAUSED.")]
    public PromotionStatus? Status { get; init; }

    [Description("Limits to remove.")]
    public List<PromotionLimit>? RemoveLimits { get; init; }
}

public sealed record DeletePromotionInput
{
    public required Guid PromotionId { get; init; }
}

public sealed class CreatePromotionInputType : AutoRegisteringInputObjectGraphType<CreatePromotionInput>;

public sealed class UpdatePromotionInputType : AutoRegisteringInputObjectGraphType<UpdatePromotionInput>;

public sealed class DeletePromotionInputType : AutoRegisteringInputObjectGraphType<DeletePromotionInput>;

/// <summary>createPromotion, updatePromotion and deletePromotion, by the shop's owner or an admin.</summary>
public sealed class PromotionMutations(ShopsDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    private const string CouponCodeIndex = "ix_promotions_shop_id_coupon_code";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePromotionPayloadGraphType>, PromotionPayload>("createPromotion")
            .Description("Creates a promotion of a shop (owner or admin).")
            .Authorize()
            .Argument<NonNullGraphType<CreatePromotionInputType>>("input")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().CreateAsync(context.GetArgument<CreatePromotionInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdatePromotionPayloadGraphType>, PromotionPayload>("updatePromotion")
            .Description("Changes a promotion (owner or admin). Fields left out stay as they are; an expired promotion cannot change.")
            .Authorize()
            .Argument<NonNullGraphType<UpdatePromotionInputType>>("input")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().UpdateAsync(context.GetArgument<UpdatePromotionInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeletePromotionPayloadGraphType>, PromotionPayload>("deletePromotion")
            .Description("Deletes a promotion (owner or admin): it stops applying at once and its coupon code is free again. Orders that used it keep their discount.")
            .Authorize()
            .Argument<NonNullGraphType<DeletePromotionInputType>>("input")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().DeleteAsync(context.GetArgument<DeletePromotionInput>("input"), context.CancellationToken));
    }

    public async Task<PromotionPayload> CreateAsync(CreatePromotionInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var terms = new PromotionTerms(input.Type, input.Value, input.MinOrderValue, input.MaxDiscount, input.UsageLimit, input.UsageLimitPerUser,
            input.StartsAt, input.EndsAt, input.Scope ?? PromotionScope.WholeShop, input.ProductIds ?? []);
        var code = string.IsNullOrWhiteSpace(input.CouponCode) ? null : input.CouponCode.Trim();
        var check = Validate(input.Name, input.Description, code, terms, input.EndsAt, now);
        if (check.HasErrors)
            return Fail<PromotionPayload>(check);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, currentUser, input.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<PromotionPayload>(loaded.Error);
        var shop = loaded.Value;
        if (input.CampaignId is { } campaignId && await CampaignProblemAsync(shop.Id, campaignId, now, cancellationToken) is { } campaignProblem)
            return Fail<PromotionPayload>(campaignProblem);
        if (code is not null && await CodeTakenAsync(shop.Id, code, except: null, cancellationToken))
            return Fail<PromotionPayload>(ShopErrors.CouponCodeTaken);

        var created = Promotion.Create(shop.Id, input.Name!, input.Description, code, terms, input.Status ?? PromotionStatus.Active, input.CampaignId, now);
        if (!created.Succeeded)
            return Fail<PromotionPayload>(created.Error);
        db.Promotions.Add(created.Value);
        return await SaveAsync(created.Value, transaction, cancellationToken);
    }

    public async Task<PromotionPayload> UpdateAsync(UpdatePromotionInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadForChangeAsync(input.PromotionId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<PromotionPayload>(loaded.Error);
        var promotion = loaded.Value;
        var now = clock.GetUtcNow();
        var removed = input.RemoveLimits ?? [];
        var current = promotion.Terms;
        var scope = input.Scope ?? current.Scope;
        var terms = new PromotionTerms(
            input.Type ?? current.Type,
            input.Value ?? current.Value,
            removed.Contains(PromotionLimit.MinOrderValue) ? null : input.MinOrderValue ?? current.MinOrderValue,
            removed.Contains(PromotionLimit.MaxDiscount) ? null : input.MaxDiscount ?? current.MaxDiscount,
            removed.Contains(PromotionLimit.UsageLimit) ? null : input.UsageLimit ?? current.UsageLimit,
            removed.Contains(PromotionLimit.UsageLimitPerUser) ? null : input.UsageLimitPerUser ?? current.UsageLimitPerUser,
            input.StartsAt ?? current.StartsAt,
            input.EndsAt ?? current.EndsAt,
            scope,
            input.ProductIds ?? (scope == PromotionScope.WholeShop ? [] : current.ProductIds));
        var code = input.CouponCode is null ? promotion.CouponCode : string.IsNullOrWhiteSpace(input.CouponCode) ? null : input.CouponCode.Trim();
        var check = Validate(input.Name ?? promotion.Name, input.Description ?? promotion.Description, code, terms, input.EndsAt, now);
        if (check.HasErrors)
            return Fail<PromotionPayload>(check);
        if (code is not null && !string.Equals(code, promotion.CouponCode, StringComparison.OrdinalIgnoreCase)
            && await CodeTakenAsync(promotion.ShopId, code, except: promotion.Id, cancellationToken))
        {
            return Fail<PromotionPayload>(ShopErrors.CouponCodeTaken);
        }

        var revised = promotion.Revise(input.Name ?? promotion.Name, input.Description ?? promotion.Description, code, terms, now);
        if (!revised.Succeeded)
            return Fail<PromotionPayload>(revised.Error);
        if (input.Status is { } status && promotion.SetStatus(status, now) is { Succeeded: false } refused)
            return Fail<PromotionPayload>(refused.Error);
        return await SaveAsync(promotion, transaction, cancellationToken);
    }

    public async Task<PromotionPayload> DeleteAsync(DeletePromotionInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadForChangeAsync(input.PromotionId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<PromotionPayload>(loaded.Error);
        loaded.Value.Delete(clock.GetUtcNow());
        return await SaveAsync(loaded.Value, transaction, cancellationToken);
    }

    /// <summary>The promotion, not deleted, its shop and then its own row locked, when the caller manages the shop and it is not closed.</summary>
    private async Task<Result<Promotion>> LoadForChangeAsync(Guid promotionId, CancellationToken cancellationToken)
    {
        var shopId = await db.Promotions.Where(p => p.Id == promotionId && p.DeletedAt == null).Select(p => (Guid?)p.ShopId)
            .FirstOrDefaultAsync(cancellationToken);
        if (shopId is null)
            return ShopErrors.PromotionNotFound;
        var shop = await ShopAccess.LoadForChangeAsync(db, currentUser, shopId.Value, cancellationToken);
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

    private async Task<PromotionPayload> SaveAsync(Promotion promotion, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(CouponCodeIndex))
        {
            return Fail<PromotionPayload>(ShopErrors.CouponCodeTaken);
        }
        return new PromotionPayload { Promotion = promotion };
    }

    private static InputCheck Validate(string? name, string? description, string? code, PromotionTerms terms, DateTimeOffset? newEnd, DateTimeOffset now)
    {
        var check = new InputCheck()
            .Text(name, "name", maxLength: 100)
            .Text(description, "description", maxLength: 1000, required: false);
        if (code is not null && CouponCode.Problem(code) is { } codeProblem)
            check.Add(codeProblem);
        var problems = terms.Problems();
        foreach (var problem in problems)
            check.Add(problem);
        if (newEnd is { } end && end <= now && !problems.Any(p => p.Field == "endsAt"))
            check.Add("INVALID_WINDOW", "The promotion must end in the future.", "endsAt");
        return check;
    }
}
