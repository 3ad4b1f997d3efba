using GoShop.Analytics.Domain;
using GoShop.Analytics.Forecasting;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Types;

/// <summary>The shops subgraph's <c>Shop</c>, extended with its analytics (<c>Shop.analytics</c>).</summary>
public sealed class ShopType : ExtendedEntityType<ShopType>
{
    public ShopType() : base("Shop")
    {
        Field<ShopAnalyticsType, ShopFigures>("analytics")
            .Description("The shop's sales, buyers, funnel and fulfilment over a period, with the period before it beside them, a series " +
                "for charts and its best products. Orders count in the local day (Asia/Ho_Chi_Minh) they were placed. The shop's owner " +
                "and admins only: anyone else gets a FORBIDDEN error, an anonymous caller UNAUTHENTICATED. A BAD_USER_INPUT error " +
                $"states the rule when from is after to, the period passes {ReportPeriod.MaxDays} days, or HOUR asks for more than " +
                $"{ReportPeriod.MaxHourlyDays} days.")
            .PeriodArguments()
            .ResolveAsync(async context =>
            {
                var viewer = context.SignedInViewer();
                var period = context.Period();
                var shopId = context.Source.Id;
                if (!await context.RequestServices!.GetRequiredService<ShopAccess>().CanReadAsync(viewer, shopId, context.CancellationToken))
                    throw GraphQLErrors.Forbidden("Only the shop's owner and admins may read its analytics.");
                return await context.RequestServices!.GetRequiredService<ShopReports>().ShopAsync(shopId, period, context.CancellationToken);
            });
        Field<ShopForecastType, ShopForecast>("forecast")
            .Description("The shop's expected orders and gross sales for the next days from today (Asia/Ho_Chi_Minh), with the back-test error " +
                "of the last 28 days beside it; null until the shop has 14 days of history since its first order. The shop's owner and " +
                "admins only (FORBIDDEN, or UNAUTHENTICATED when signed out); BAD_USER_INPUT when days is not 1 to 28.")
            .Argument<IntGraphType>("days", $"How many days to forecast, 1 to {ShopForecasts.MaxDays} (default 14).", a => a.DefaultValue = 14)
            .ResolveAsync(async context =>
            {
                var viewer = context.SignedInViewer();
                var days = context.GetArgument("days", 14);
                if (days is < 1 or > ShopForecasts.MaxDays)
                    throw new ExecutionError($"days must be 1 to {ShopForecasts.MaxDays}; got {days}.") { Code = ErrorCodes.BadUserInput };
                var shopId = context.Source.Id;
                if (!await context.RequestServices!.GetRequiredService<ShopAccess>().CanReadAsync(viewer, shopId, context.CancellationToken))
                    throw GraphQLErrors.Forbidden("Only the shop's owner and admins may read its forecast.");
                var today = AnalyticsCalendar.DayOf(context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow());
                return await context.RequestServices!.GetRequiredService<ShopForecasts>().ForecastAsync(shopId, today, days, context.CancellationToken);
            });
    }
}
