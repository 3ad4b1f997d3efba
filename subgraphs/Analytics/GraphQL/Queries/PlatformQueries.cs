using GoShop.Analytics.GraphQL.Types;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Queries;

/// <summary>platformAnalytics(from, to, granularity), for admins.</summary>
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
    }
}
