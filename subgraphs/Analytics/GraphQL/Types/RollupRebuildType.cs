using GoShop.Analytics.Domain;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Types;

public sealed class RollupRebuildStateType : EnumerationGraphType<RollupRebuildState>
{
    public RollupRebuildStateType()
    {
        Name = "AnalyticsRollupRebuildState";
        Description = "Where a rebuild of the analytics rollups stands.";
        Values["QUEUED"]!.Description = "Waiting for the subgraph's worker (it starts within seconds unless the subgraph is stopped).";
        Values["RUNNING"]!.Description = "Recounting; reports read the old rollups until it has finished.";
        Values["SUCCEEDED"]!.Description = "Done: every rollup of the days asked for was recounted from the facts (rollupsWritten says how many rows).";
        Values["FAILED"]!.Description = "Stopped without changing any rollup; error says why. Ask again to retry.";
    }
}

public sealed class RollupRebuildType : ObjectGraphType<RollupRebuildJob>
{
    public RollupRebuildType()
    {
        Name = "AnalyticsRollupRebuild";
        Description = "A rebuild of the analytics rollups from the facts, run in the background (rebuildAnalyticsRollups); admins only.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("The rebuild's id, for analyticsRollupRebuild(id).").Resolve(c => c.Source.Id);
        Field<CalendarDateGraphType, DateOnly?>("from").Description("The first local day asked for, included; null: from the first fact.").Resolve(c => c.Source.From);
        Field<CalendarDateGraphType, DateOnly?>("to").Description("The last local day asked for, included; null: up to the last fact.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<RollupRebuildStateType>, RollupRebuildState>("state").Description("Where it stands.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("requestedAt").Description("When an admin asked for it.").Resolve(c => c.Source.RequestedAt);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("startedAt").Description("When the worker started it; null while queued.").Resolve(c => c.Source.StartedAt);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("finishedAt").Description("When it succeeded or failed; null before.").Resolve(c => c.Source.FinishedAt);
        Field<IntGraphType, int?>("rollupsWritten")
            .Description("How many rollup rows (per scope, grain and bucket) it wrote; null unless it succeeded.").Resolve(c => c.Source.RollupsWritten);
        Field<StringGraphType, string?>("error").Description("Why it failed; null unless it did.").Resolve(c => c.Source.Error);
    }
}
