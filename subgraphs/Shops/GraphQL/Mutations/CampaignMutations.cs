using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
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
public sealed class CampaignMutations(ShopsDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateCampaignPayloadGraphType>, CampaignPayload>("createCampaign")
            .Description("Schedules a campaign of a shop (owner or admin), grouping some of its promotions.")
            .Authorize()
            .Argument<NonNullGraphType<CreateCampaignInputType>>("input")
            .ResolveAsync(async context => await context.Service<CampaignMutations>().CreateAsync(context.GetArgument<CreateCampaignInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetCampaignStatusPayloadGraphType>, CampaignPayload>("setCampaignStatus")
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await ShopAccess.LoadForChangeAsync(db, currentUser, input.ShopId, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<CampaignPayload>(loaded.Error);
        var now = clock.GetUtcNow();
        var scheduled = Campaign.Schedule(loaded.Value.Id, input.Name, input.Description, input.StartsAt, input.EndsAt, now);
        if (!scheduled.Succeeded)
            return Fail<CampaignPayload>(scheduled.Error);

        var wanted = (input.PromotionIds ?? []).Distinct().ToList();
        var promotions = await db.Promotions
            .Where(p => wanted.Contains(p.Id) && p.ShopId == loaded.Value.Id && p.DeletedAt == null)
            .ToListAsync(cancellationToken);
        if (promotions.Count != wanted.Count)
            return Fail<CampaignPayload>(ShopErrors.PromotionNotFound with { Field = "promotionIds", Message = "Every promotion must be a live promotion of this shop." });
        db.Campaigns.Add(scheduled.Value);
        foreach (var promotion in promotions)
            promotion.JoinCampaign(scheduled.Value.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CampaignPayload { Campaign = scheduled.Value };
    }

    public async Task<CampaignPayload> SetStatusAsync(SetCampaignStatusInput input, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var shopId = await db.Campaigns.Where(c => c.Id == input.CampaignId).Select(c => (Guid?)c.ShopId).FirstOrDefaultAsync(cancellationToken);
        if (shopId is null)
            return Fail<CampaignPayload>(ShopErrors.CampaignNotFound);
        var loaded = await ShopAccess.LoadForChangeAsync(db, currentUser, shopId.Value, cancellationToken);
        if (!loaded.Succeeded)
            return Fail<CampaignPayload>(loaded.Error with { Field = "campaignId" });
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == input.CampaignId, cancellationToken);
        var changed = campaign.ChangeStatus(input.Status, clock.GetUtcNow());
        if (!changed.Succeeded)
            return Fail<CampaignPayload>(changed.Error);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CampaignPayload { Campaign = campaign };
    }
}
