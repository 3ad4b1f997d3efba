using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Campaigns;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Shops.GraphQL.Mutations;

[Description("A new campaign of a shop.")]
public sealed record CreateCampaignInput
{
    [Description("The shop that runs it.")]
    public required Guid ShopId { get; init; }

    [Description("At most 100 characters.")]
    public required string Name { get; init; }

    [Description("At most 1,000 characters.")]
    public string? Description { get; init; }

    [Description("When it starts running; before endsAt. A start in the past makes it RUNNING at once.")]
    public required DateTimeOffset StartsAt { get; init; }

    [Description("When it ends; in the future.")]
    public required DateTimeOffset EndsAt { get; init; }

    [Description("Promotions of the same shop, not deleted, to group under the campaign; one already in another campaign moves to this one.")]
    public List<Guid>? PromotionIds { get; init; }
}

[Description("Which campaign to start, pause, resume or end.")]
public sealed record SetCampaignStatusInput
{
    [Description("The campaign to change.")]
    public required Guid CampaignId { get; init; }

    [Description("RUNNING (start a SCHEDULED campaign now, or resume a PAUSED one), PAUSED (a SCHEDULED or RUNNING one) or ENDED (final). SCHEDULED cannot be set.")]
    public required CampaignStatus Status { get; init; }
}

public sealed class CreateCampaignInputType : AutoRegisteringInputObjectGraphType<CreateCampaignInput>;

public sealed class SetCampaignStatusInputType : AutoRegisteringInputObjectGraphType<SetCampaignStatusInput>;

/// <summary>createCampaign and setCampaignStatus, by the shop's owner or an admin.</summary>
public sealed class CampaignMutations(CampaignPlanner planner, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateCampaignPayloadType>, CampaignPayload>("createCampaign")
            .Description("Schedules a campaign of a shop (its owner or an admin), grouping some of its promotions. " +
                "userErrors: REQUIRED, TOO_LONG, SHOP_NOT_FOUND, FORBIDDEN, SHOP_CLOSED, INVALID_WINDOW, PROMOTION_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<CreateCampaignInputType>>("input", "The new campaign.")
            .ResolveAsync(async context => await context.Service<CampaignMutations>().CreateAsync(context.GetArgument<CreateCampaignInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetCampaignStatusPayloadType>, CampaignPayload>("setCampaignStatus")
            .Description("Starts, pauses, resumes or ends a campaign (its shop's owner or an admin); an ENDED campaign cannot change. " +
                "userErrors: CAMPAIGN_NOT_FOUND, FORBIDDEN, SHOP_CLOSED, CAMPAIGN_ENDED, INVALID_TRANSITION.")
            .Authorize()
            .Argument<NonNullGraphType<SetCampaignStatusInputType>>("input", "The campaign and its new status.")
            .ResolveAsync(async context => await context.Service<CampaignMutations>().SetStatusAsync(context.GetArgument<SetCampaignStatusInput>("input"), context.CancellationToken));
    }

    public async Task<CampaignPayload> CreateAsync(CreateCampaignInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Text(input.Name, "name", maxLength: Campaign.NameMaxLength)
            .Text(input.Description, "description", maxLength: 1000, required: false);
        if (check.HasErrors)
            return Fail<CampaignPayload>(check);
        var plan = new CampaignPlan(input.ShopId, input.Name, input.Description, input.StartsAt, input.EndsAt, input.PromotionIds ?? []);
        return Answer(await planner.ScheduleAsync(currentUser.RequireId(), currentUser.IsAdmin(), plan, cancellationToken));
    }

    public async Task<CampaignPayload> SetStatusAsync(SetCampaignStatusInput input, CancellationToken cancellationToken) =>
        Answer(await planner.ChangeStatusAsync(currentUser.RequireId(), currentUser.IsAdmin(), input.CampaignId, input.Status, cancellationToken));

    private static CampaignPayload Answer(Result<Campaign> result) =>
        result.Succeeded ? new CampaignPayload { Campaign = result.Value } : Fail<CampaignPayload>(result.Error);
}
