using System.ComponentModel;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Analytics.GraphQL.Types;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Mutations;

[Description("Which local days to rebuild; both absent: every day with a fact.")]
public sealed record RebuildAnalyticsRollupsInput
{
    [Description("The first local day (Asia/Ho_Chi_Minh) to rebuild, included; absent: from the first fact.")]
    public DateOnly? From { get; init; }

    [Description("The last local day to rebuild, included; absent: up to the last fact. Not before from.")]
    public DateOnly? To { get; init; }
}

public sealed class RebuildAnalyticsRollupsInputType : InputObjectGraphType<RebuildAnalyticsRollupsInput>
{
    public RebuildAnalyticsRollupsInputType()
    {
        Name = "RebuildAnalyticsRollupsInput";
        Description = "Which local days to rebuild; both absent: every day with a fact.";
        Field(i => i.From, type: typeof(CalendarDateGraphType)).Description("The first local day (Asia/Ho_Chi_Minh) to rebuild, included; absent: from the first fact.");
        Field(i => i.To, type: typeof(CalendarDateGraphType)).Description("The last local day to rebuild, included; absent: up to the last fact. Not before from.");
    }
}

public sealed record RebuildAnalyticsRollupsPayload : Payload
{
    public RollupRebuildJob? Job { get; init; }
}

public sealed class RebuildAnalyticsRollupsPayloadType : PayloadType<RebuildAnalyticsRollupsPayload>
{
    public RebuildAnalyticsRollupsPayloadType()
    {
        Name = "RebuildAnalyticsRollupsPayload";
        Description = "The answer to rebuildAnalyticsRollups.";
        Field<RollupRebuildType, RollupRebuildJob?>("job")
            .Description("The rebuild queued; on REBUILD_IN_PROGRESS the one already queued or running, to follow instead; null on INVALID_RANGE.")
            .Resolve(c => c.Source.Job);
        Field<IntGraphType, int?>("rollupsWritten")
            .Description("Always null: the rebuild runs in the background.")
            .DeprecationReason("The rebuild runs in the background: read job.rollupsWritten (analyticsRollupRebuild) once its state is SUCCEEDED.")
            .Resolve(_ => null);
    }
}

/// <summary>
/// rebuildAnalyticsRollups: the rollups recounted from the facts, for repairs and after a change of rule, as a background
/// job (a rebuild of years of facts runs longer than a request may); analyticsRollupRebuild(id) follows it.
/// </summary>
public static class RollupMutations
{
    /// <summary>The code of a rebuild refused because another one is queued or running.</summary>
    public const string RebuildInProgress = "REBUILD_IN_PROGRESS";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RebuildAnalyticsRollupsPayloadType>, RebuildAnalyticsRollupsPayload>("rebuildAnalyticsRollups")
            .Description("Admins: queues a rebuild of every rollup (per shop, product and category, per hour and day) of the days asked for " +
                "from the facts and answers it at once; the subgraph's worker runs it in one transaction (reports read the old rollups until " +
                "it commits), whatever the range. Follow it with analyticsRollupRebuild(id). One rebuild at a time: while one is queued or " +
                "running, another is refused with REBUILD_IN_PROGRESS and that one is answered. The same as the subgraph's rebuild-rollups " +
                "command, which runs in the foreground. userErrors: INVALID_RANGE, REBUILD_IN_PROGRESS.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<RebuildAnalyticsRollupsInputType>>("input", "Which days to rebuild.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RebuildAnalyticsRollupsInput>("input");
                if (input.From is { } from && input.To is { } to && from > to)
                    return new RebuildAnalyticsRollupsPayload
                    {
                        UserErrors = [UserError.ForInput(ReportPeriod.InvalidRange, $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).", "from")],
                    };
                var (job, queued) = await context.RequestServices!.GetRequiredService<RollupRebuildJobs>()
                    .RequestAsync(input.From, input.To, Viewer.Of(context).UserId, context.CancellationToken);
                if (queued)
                    return new RebuildAnalyticsRollupsPayload { Job = job };
                return new RebuildAnalyticsRollupsPayload
                {
                    Job = job,
                    UserErrors =
                    [
                        UserError.ForInput(RebuildInProgress,
                            $"A rebuild is already {(job.State == RollupRebuildState.Running ? "running" : "queued")} (asked for at " +
                            $"{job.RequestedAt:yyyy-MM-dd HH:mm:ss} UTC): follow it with analyticsRollupRebuild(id: \"{job.Id}\") and ask again once it has finished.",
                            null),
                    ],
                };
            });
    }
}
