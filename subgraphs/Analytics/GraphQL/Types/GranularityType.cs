using GoShop.Analytics.Reports;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Types;

public sealed class GranularityType : EnumerationGraphType<Granularity>
{
    public GranularityType()
    {
        Name = "Granularity";
        Description = "How a report's series is cut: one point per hour, day, week or month (days, weeks and months in Asia/Ho_Chi_Minh).";
        Values["HOUR"]!.Description = $"One point per hour; a period of at most {ReportPeriod.MaxHourlyDays} days.";
        Values["DAY"]!.Description = "One point per local day.";
        Values["WEEK"]!.Description = "One point per week, starting on Monday (the first point starts on the Monday on or before from).";
        Values["MONTH"]!.Description = "One point per calendar month (the first point starts on the first of from's month).";
    }
}
