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

public sealed record CreatePromotionInput
{
    public required Guid ShopId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required Domain.PromotionType Type { get; init; }

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

    public Domain.PromotionType? Type { get; init; }

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
public sealed class PromotionMutations(PromotionDesk promotions, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePromotionPayloadType>, PromotionPayload>("createPromotion")
            .Description("Creates a promotion of a shop (owner or admin).")
            .Authorize()
            .Argument<NonNullGraphType<CreatePromotionInputType>>("input")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().CreateAsync(context.GetArgument<CreatePromotionInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdatePromotionPayloadType>, PromotionPayload>("updatePromotion")
            .Description("Changes a promotion (owner or admin). Fields left out stay as they are; an expired promotion cannot change.")
            .Authorize()
            .Argument<NonNullGraphType<UpdatePromotionInputType>>("input")
            .ResolveAsync(async context => await context.Service<PromotionMutations>().UpdateAsync(context.GetArgument<UpdatePromotionInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeletePromotionPayloadType>, PromotionPayload>("deletePromotion")
            .Description("Deletes a promotion (owner or admin): it stops applying at once and its coupon code is free again. Orders that used it keep their discount.")
            .Authorize()
            .Argument<NonNullGraphType<DeletePromotionInputType>>("input")
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
