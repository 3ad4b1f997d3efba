namespace GoShop.Analytics.Reports;

/// <summary>The width of one point of a report's series.</summary>
public enum Granularity
{
    Hour,
    Day,
    Week,
    Month,
}
