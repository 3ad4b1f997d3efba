using GoShop.Analytics.Forecasting;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Types;

public sealed class ShopForecastType : ObjectGraphType<ShopForecast>
{
    public ShopForecastType()
    {
        Name = "ShopForecast";
        Description = "A shop's expected orders and gross sales for the coming local days (additive Holt-Winters with a weekly season, " +
            "fitted on up to 182 complete days of its history), with how the method did on the last 28 days.";
        Field<NonNullGraphType<StringGraphType>, string>("method").Description("How it was computed: HOLT_WINTERS_WEEKLY.").Resolve(_ => "HOLT_WINTERS_WEEKLY");
        Field<NonNullGraphType<IntGraphType>, int>("historyDays")
            .Description("How many complete days of history (since the shop's first order, at most 182) the forecast was fitted on.")
            .Resolve(c => c.Source.HistoryDays);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ForecastDayType>>>, IReadOnlyList<ForecastDay>>("days")
            .Description("One entry per day, from today (Asia/Ho_Chi_Minh) on.").Resolve(c => c.Source.Days);
        Field<ForecastBacktestType, ForecastBacktest>("backtest")
            .Description("The method's error when it forecast the last 28 complete days from the days before them; null with less than 42 days of history.")
            .Resolve(c => c.Source.Backtest);
    }
}

public sealed class ForecastDayType : ObjectGraphType<ForecastDay>
{
    public ForecastDayType()
    {
        Name = "ForecastDay";
        Description = "One forecast day.";
        Field<NonNullGraphType<CalendarDateGraphType>, DateOnly>("day").Description("The local day.").Resolve(c => c.Source.Day);
        Field<NonNullGraphType<FloatGraphType>, double>("orders").Description("Expected orders not cancelled (a mean, so not a whole number).").Resolve(c => c.Source.Orders);
        Field<NonNullGraphType<MoneyType>, Money>("grossSales").Description("Expected gross sales, in VND.").Resolve(c => Money.Vnd(c.Source.GrossSales));
    }
}

public sealed class ForecastBacktestType : ObjectGraphType<ForecastBacktest>
{
    public ForecastBacktestType()
    {
        Name = "ForecastBacktest";
        Description = "How far off the forecast was over days whose figures are known: fitted without them, then compared with them.";
        Field<NonNullGraphType<IntGraphType>, int>("days").Description("How many days were forecast and compared (28).").Resolve(c => c.Source.Days);
        Field<NonNullGraphType<FloatGraphType>, double>("ordersMeanAbsoluteError")
            .Description("The mean, over those days, of |forecast orders - actual orders|.").Resolve(c => c.Source.OrdersMeanAbsoluteError);
        Field<FloatGraphType, double?>("ordersWeightedError")
            .Description("The absolute errors' sum over the actual orders' sum (0.1 = 10% off); null when there were no orders.")
            .Resolve(c => c.Source.OrdersWeightedError);
        Field<NonNullGraphType<MoneyType>, Money>("grossSalesMeanAbsoluteError")
            .Description("The mean, over those days, of |forecast - actual| gross sales, in VND.").Resolve(c => Money.Vnd(c.Source.GrossSalesMeanAbsoluteError));
        Field<FloatGraphType, double?>("grossSalesWeightedError")
            .Description("The absolute errors' sum over the actual gross sales' sum; null when there were no sales.")
            .Resolve(c => c.Source.GrossSalesWeightedError);
    }
}
