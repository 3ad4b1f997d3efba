using System.ComponentModel;
using GoShop.Analytics.Data;
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
    public int? RollupsWritten { get; init; }
}

public sealed class RebuildAnalyticsRollupsPayloadType : PayloadType<RebuildAnalyticsRollupsPayload>
{
    public RebuildAnalyticsRollupsPayloadType()
    {
        Name = "RebuildAnalyticsRollupsPayload";
        Description = "The answer to rebuildAnalyticsRollups.";
        Field<IntGraphType, int?>("rollupsWritten")
            .Description("How many rollup rows (per scope, grain and bucket) the rebuild wrote; null when it was refused.")
            .Resolve(c => c.Source.RollupsWritten);
    }
}

/// <summary>rebuildAnalyticsRollups: the rollups recounted from the facts, for repairs and after a change of rule.</summary>
public static class RollupMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RebuildAnalyticsRollupsPayloadType>, RebuildAnalyticsRollupsPayload>("rebuildAnalyticsRollups")
            .Description("Admins: recounts every rollup (per shop, product and category, per hour and day) of the days asked for from the " +
                "facts, in one transaction; reports read the old rollups until it commits. The same as the subgraph's rebuild-rollups " +
                "command. userErrors: INVALID_RANGE.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<RebuildAnalyticsRollupsInputType>>("input", "Which days to rebuild.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RebuildAnalyticsRollupsInput>("input");
                var from = input.From ?? DateOnly.MinValue;
                var to = input.To ?? DateOnly.MaxValue.AddDays(-1);
                if (from > to)
                    return new RebuildAnalyticsRollupsPayload
                    {
                        UserErrors = [UserError.ForInput(ReportPeriod.InvalidRange, $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).", "from")],
                    };
                var written = await context.RequestServices!.GetRequiredService<RollupRebuild>().RunAsync(from, to, context.CancellationToken);
                return new RebuildAnalyticsRollupsPayload { RollupsWritten = written };
            });
    }
}
