using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;

namespace GoShop.Shops.Domain;

public enum CampaignStatus
{
    /// <summary>Waiting for its start.</summary>
    [Description("Waiting for its startsAt: its promotions do not apply yet.")]
    Scheduled,

    /// <summary>Inside its window and not paused: its promotions can be used.</summary>
    [Description("Between startsAt and endsAt and not paused: its promotions can apply.")]
    Running,

    /// <summary>Stopped by the seller for now; can run again.</summary>
    [Description("Paused by the seller (before or during its window): its promotions do not apply until it is set RUNNING again.")]
    Paused,

    /// <summary>Its window ended or the seller ended it. Final.</summary>
    [Description("Its endsAt has passed or the seller ended it early. Final: its status cannot change any more.")]
    Ended,
}

/// <summary>
/// A named schedule that groups promotions (a "9.9 sale"). Its status follows the clock — SCHEDULED until it
/// starts, RUNNING inside its window, ENDED after — unless the seller paused or ended it early. Only what the clock
/// cannot know is stored (paused, ended early); transitions are guarded: ENDED is final, RUNNING before the start
/// starts the campaign now. A campaign's promotions apply only while it runs.
/// </summary>
public sealed class Campaign
{
    public const int NameMaxLength = 100;

    private Campaign()
    {
    }

    public Guid Id { get; private set; }

    public Guid ShopId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<Campaign> Schedule(Guid shopId, string name, string? description, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (startsAt >= endsAt)
            return new DomainError("INVALID_WINDOW", "The campaign must start before it ends.", "endsAt");
        if (endsAt <= now)
            return new DomainError("INVALID_WINDOW", "The campaign must end in the future.", "endsAt");
        return new Campaign
        {
            Id = Guid.CreateVersion7(),
            ShopId = shopId,
            Name = name.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public CampaignStatus StatusAt(DateTimeOffset now) =>
        EndedAt is not null || now >= EndsAt ? CampaignStatus.Ended
        : PausedAt is not null ? CampaignStatus.Paused
        : now >= StartsAt ? CampaignStatus.Running
        : CampaignStatus.Scheduled;

    public Result ChangeStatus(CampaignStatus target, DateTimeOffset now)
    {
        var current = StatusAt(now);
        if (current == CampaignStatus.Ended)
            return ShopErrors.CampaignEnded;
        switch (target)
        {
            case CampaignStatus.Running when current is CampaignStatus.Scheduled or CampaignStatus.Paused:
                PausedAt = null;
                if (now < StartsAt)
                    StartsAt = now;
                break;
            case CampaignStatus.Paused when current is CampaignStatus.Scheduled or CampaignStatus.Running:
                PausedAt = now;
                break;
            case CampaignStatus.Ended:
                EndedAt = now;
                break;
            default:
                return ShopErrors.InvalidTransition(Describe(current), Describe(target));
        }
        UpdatedAt = now;
        return Result.Success;
    }

    private static string Describe(CampaignStatus status) => status.ToString().ToUpperInvariant();
}
