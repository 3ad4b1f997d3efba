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

public sealed record CreateCampaignInput
{
    public required Guid ShopId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    [Description("Promotions of the same shop to group under the campaign.")]
    public List<Guid>? PromotionIds { get; init; }
}

public sealed record SetCampaignStatusInput
{
    public required Guid CampaignId { get; init; }

    [Description("RUNNING (start now, or resume), PAUSED or ENDED (final).")]
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
            .Description("Schedules a campaign of a shop (owner or admin), grouping some of its promotions.")
            .Authorize()
            .Argument<NonNullGraphType<CreateCampaignInputType>>("input")
            .ResolveAsync(async context => await context.Service<CampaignMutations>().CreateAsync(context.GetArgument<CreateCampaignInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetCampaignStatusPayloadType>, CampaignPayload>("setCampaignStatus")
            .Description("Starts, pauses, resumes or ends a campaign (owner or admin).")
            .Authorize()
            .Argument<NonNullGraphType<SetCampaignStatusInputType>>("input")
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
