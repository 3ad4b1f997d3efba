using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Types;
using GoShop.Shops.Promotions;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Shops.GraphQL.Mutations;

[Description("A new promotion of a shop.")]
public sealed record CreatePromotionInput
{
    [Description("The shop that offers it.")]
    public required Guid ShopId { get; init; }

    [Description("The name buyers see, at most 100 characters.")]
    public required string Name { get; init; }

    [Description("At most 1,000 characters.")]
    public string? Description { get; init; }

    [Description("PERCENTAGE or FIXED_AMOUNT.")]
    public required Domain.PromotionType Type { get; init; }

    [Description("The percentage (1 to 100) for PERCENTAGE; the amount in VND for FIXED_AMOUNT (more than 0, at most 1,000,000,000,000).")]
    public required decimal Value { get; init; }

    [Description("The order subtotal at the shop needed, in VND: 0 to 1,000,000,000,000. No minimum when left out.")]
    public decimal? MinOrderValue { get; init; }

    [Description("The most taken off one order, in VND: more than 0, at most 1,000,000,000,000. Uncapped when left out.")]
    public decimal? MaxDiscount { get; init; }

    [Description("How many orders may use it in total, at least 1. No limit when left out.")]
    public int? UsageLimit { get; init; }

    [Description("How many orders of one buyer may use it: at least 1, and not more than usageLimit. No limit when left out.")]
    public int? UsageLimitPerUser { get; init; }

    [Description("When buyers may start using it; before endsAt (it may be in the past).")]
    public required DateTimeOffset StartsAt { get; init; }

    [Description("When it stops applying; in the future.")]
    public required DateTimeOffset EndsAt { get; init; }

    [Description("The code buyers enter (3 to 32 letters, digits, dashes or underscores; unique in the shop, whatever the letter case). Leave out for an automatic promotion.")]
    public string? CouponCode { get; init; }

    [Description("WHOLE_SHOP when left out.")]
    public PromotionScope? Scope { get; init; }

    [Description("The products a PRODUCTS promotion covers: 1 to 500 product ids. Leave out for WHOLE_SHOP.")]
    public List<Guid>? ProductIds { get; init; }

    [Description("ACTIVE when left out; DRAFT to prepare it unpublished, or PAUSED. EXPIRED cannot be set.")]
    public PromotionStatus? Status { get; init; }

    [Description("A campaign of the same shop, not ENDED, to group it under; it then applies only while the campaign is RUNNING.")]
    public Guid? CampaignId { get; init; }
}

[Description("Which promotion to change, and the changes; fields left out stay as they are. The promotion as changed must follow createPromotion's rules.")]
public sealed record UpdatePromotionInput
{
    [Description("The promotion to change.")]
    public required Guid PromotionId { get; init; }

    [Description("A new name, at most 100 characters.")]
    public string? Name { get; init; }

    [Description("At most 1,000 characters; an empty string removes it.")]
    public string? Description { get; init; }

    [Description("PERCENTAGE or FIXED_AMOUNT; the value, new or current, must suit it.")]
    public Domain.PromotionType? Type { get; init; }

    [Description("The percentage (1 to 100) for PERCENTAGE; the amount in VND for FIXED_AMOUNT (more than 0, at most 1,000,000,000,000).")]
    public decimal? Value { get; init; }

    [Description("A new minimum order subtotal, in VND (0 to 1,000,000,000,000). Remove it with removeLimits.")]
    public decimal? MinOrderValue { get; init; }

    [Description("A new cap on the discount, in VND (more than 0, at most 1,000,000,000,000). Remove it with removeLimits.")]
    public decimal? MaxDiscount { get; init; }

    [Description("A new total limit: at least 1, and not below usageCount. Remove it with removeLimits.")]
    public int? UsageLimit { get; init; }

    [Description("A new limit per buyer: at least 1, and not more than usageLimit. Remove it with removeLimits.")]
    public int? UsageLimitPerUser { get; init; }

    [Description("A new start; before endsAt.")]
    public DateTimeOffset? StartsAt { get; init; }

    [Description("A new end; in the future.")]
    public DateTimeOffset? EndsAt { get; init; }

    [Description("A new code (3 to 32 letters, digits, dashes or underscores; unique in the shop, whatever the letter case). " +
        "An empty string removes it, and then no order can use the promotion.")]
    public string? CouponCode { get; init; }

    [Description("WHOLE_SHOP or PRODUCTS. Changing to WHOLE_SHOP drops the product list.")]
    public PromotionScope? Scope { get; init; }

    [Description("Replaces the products a PRODUCTS promotion covers: 1 to 500 product ids.")]
    public List<Guid>? ProductIds { get; init; }

    [Description("DRAFT (only while never published), ACTIVE or PAUSED.")]
    public PromotionStatus? Status { get; init; }

    [Description("Limits to remove; a limit named here is removed even when the input also gives it a new value.")]
    public List<PromotionLimit>? RemoveLimits { get; init; }
}

[Description("Which promotion to delete.")]
public sealed record DeletePromotionInput
{
    [Description("The promotion to delete.")]
    public required Guid PromotionId { get; init; }
}

public sealed class CreatePromotionInputType : AutoRegisteringInputObjectGraphType<CreatePromotionInput>;

public sealed class UpdatePromotionInputType : AutoRegisteringInputObjectGraphType<UpdatePromotionInput>;

public sealed class DeletePromotionInputType : AutoRegisteringInputObjectGraphType<DeletePromotionInput>;

/// <summary>createPromotion, updatePromotion and deletePromotion, by the shop's owner or an admin.</summary>
public sealed class PromotionMutations(PromotionDesk promotions, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePromotionPayloadType>, PromotionPayload>("createPromotion")
            .Description("Creates a promotion of a shop (its owner or an admin); a closed shop cannot have new ones. userErrors: REQUIRED, TOO_LONG, " +
                "INVALID_COUPON_CODE, INVALID_VALUE, INVALID_MIN_ORDER_VALUE, INVALID_MAX_DISCOUNT, INVALID_USAGE_LIMIT, INVALID_WINDOW, " +
                "PRODUCTS_REQUIRED, PRODUCTS_NOT_ALLOWED, TOO_MANY_PRODUCTS, SHOP_NOT_FOUND, FORBIDDEN, SHOP_CLOSED, CAMPAIGN_NOT_FOUND, " +
                "CAMPAIGN_ENDED, COUPON_CODE_TAKEN, INVALID_STATUS.")
            .Authorize()
            .Argument<NonNullGraphType<CreatePromotionInputType>>("input", "The new promotion.")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().CreateAsync(context.GetArgument<CreatePromotionInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdatePromotionPayloadType>, PromotionPayload>("updatePromotion")
            .Description("Changes a promotion (its shop's owner or an admin). Fields left out stay as they are; an expired promotion, or one of a " +
                "closed shop, cannot change. userErrors: REQUIRED, TOO_LONG, INVALID_COUPON_CODE, INVALID_VALUE, INVALID_MIN_ORDER_VALUE, " +
                "INVALID_MAX_DISCOUNT, INVALID_USAGE_LIMIT, INVALID_WINDOW, PRODUCTS_REQUIRED, PRODUCTS_NOT_ALLOWED, TOO_MANY_PRODUCTS, " +
                "PROMOTION_NOT_FOUND, FORBIDDEN, SHOP_CLOSED, COUPON_CODE_TAKEN, PROMOTION_EXPIRED, USAGE_LIMIT_BELOW_USAGE, INVALID_STATUS, " +
                "INVALID_TRANSITION.")
            .Authorize()
            .Argument<NonNullGraphType<UpdatePromotionInputType>>("input", "The promotion and its changes.")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().UpdateAsync(context.GetArgument<UpdatePromotionInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeletePromotionPayloadType>, PromotionPayload>("deletePromotion")
            .Description("Deletes a promotion (its shop's owner or an admin): it stops applying at once and its coupon code is free again. " +
                "Orders that used it keep their discount. userErrors: PROMOTION_NOT_FOUND, FORBIDDEN, SHOP_CLOSED.")
            .Authorize()
            .Argument<NonNullGraphType<DeletePromotionInputType>>("input", "The promotion to delete.")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().DeleteAsync(context.GetArgument<DeletePromotionInput>("input"), context.CancellationToken));
    }

    public async Task<PromotionPayload> CreateAsync(CreatePromotionInput input, CancellationToken cancellationToken)
    {
        var terms = new PromotionTerms(input.Type, input.Value, input.MinOrderValue, input.MaxDiscount, input.UsageLimit, input.UsageLimitPerUser,
            input.StartsAt, input.EndsAt, input.Scope ?? PromotionScope.WholeShop, input.ProductIds ?? []);
        var code = string.IsNullOrWhiteSpace(input.CouponCode) ? null : input.CouponCode.Trim();
        var check = Validate(input.Name, input.Description, code, terms, input.EndsAt, clock.GetUtcNow());
        if (check.HasErrors)
            return Fail<PromotionPayload>(check);
        var request = new NewPromotion(input.ShopId, new PromotionDraft(input.Name, input.Description, code, terms), input.Status ?? PromotionStatus.Active,
            input.CampaignId);
        return Answer(await promotions.CreateAsync(currentUser.RequireId(), currentUser.IsAdmin(), request, cancellationToken));
    }

    public async Task<PromotionPayload> UpdateAsync(UpdatePromotionInput input, CancellationToken cancellationToken)
    {
        var changes = new PromotionChanges(input.Name, input.Description, input.Type, input.Value, input.MinOrderValue, input.MaxDiscount,
            input.UsageLimit, input.UsageLimitPerUser, input.StartsAt, input.EndsAt, input.CouponCode, input.Scope, input.ProductIds, input.Status,
            input.RemoveLimits ?? []);
        // The terms' rules span fields the input may leave out, so the input is judged as the promotion it makes, once that is found.
        InputCheck? check = null;
        var updated = await promotions.UpdateAsync(currentUser.RequireId(), currentUser.IsAdmin(), input.PromotionId, changes, draft =>
        {
            check = Validate(draft.Name, draft.Description, draft.CouponCode, draft.Terms, input.EndsAt, clock.GetUtcNow());
            return !check.HasErrors;
        }, cancellationToken);
        return check is { HasErrors: true } ? Fail<PromotionPayload>(check) : Answer(updated);
    }

    public async Task<PromotionPayload> DeleteAsync(DeletePromotionInput input, CancellationToken cancellationToken) =>
        Answer(await promotions.DeleteAsync(currentUser.RequireId(), currentUser.IsAdmin(), input.PromotionId, cancellationToken));

    private static PromotionPayload Answer(Result<Promotion> result) =>
        result.Succeeded ? new PromotionPayload { Promotion = result.Value } : Fail<PromotionPayload>(result.Error);

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
