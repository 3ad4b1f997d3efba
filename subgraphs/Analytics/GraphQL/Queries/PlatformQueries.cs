using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.Analytics.GraphQL.Types;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Queries;

/// <summary>platformAnalytics(from, to, granularity) and analyticsRollupRebuild(id), for admins.</summary>
public static class PlatformQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<PlatformAnalyticsType, PlatformFigures>("platformAnalytics")
            .Description("The whole marketplace's figures over a period of local days (Asia/Ho_Chi_Minh): GMV, take rate, active buyers and " +
                "sellers, new shops, orders by status, payment success by gateway and method, top categories and shops, delivery by city. " +
                "Admins only (FORBIDDEN for anyone else, UNAUTHENTICATED when signed out). A BAD_USER_INPUT error states the rule when " +
                $"from is after to, the period passes {ReportPeriod.MaxDays} days, or HOUR asks for more than {ReportPeriod.MaxHourlyDays} days.")
            .PeriodArguments()
            .ResolveAsync(async context =>
            {
                var viewer = context.SignedInViewer();
                var period = context.Period();
                if (!viewer.IsAdmin)
                    throw GraphQLErrors.Forbidden("Only admins may read the platform's analytics.");
                return await context.RequestServices!.GetRequiredService<PlatformReports>().FiguresAsync(period, context.CancellationToken);
            });
        query.Field<RollupRebuildType, RollupRebuildJob?>("analyticsRollupRebuild")
            .Description("Admins: a rebuild of the analytics rollups (rebuildAnalyticsRollups answers its id) and where it stands; null when no " +
                "rebuild has that id.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<IdGraphType>>("id", "The rebuild's id.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<RollupRebuildJobs>()
                .FindAsync(context.GetArgument<Guid>("id"), context.CancellationToken));
    }
}
