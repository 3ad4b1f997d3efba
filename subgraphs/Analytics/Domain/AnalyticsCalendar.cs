namespace GoShop.Analytics.Domain;

/// <summary>
/// Where GoShop's days begin: Asia/Ho_Chi_Minh (UTC+7, no daylight saving). A "day" in every report and rollup is a
/// Vietnamese calendar day, so an order at 23:59 local time and one at 00:01 land on different days.
/// </summary>
public static class AnalyticsCalendar
{
    /// <summary>The IANA name PostgreSQL's AT TIME ZONE reads, the same rule as <see cref="TimeZone"/>.</summary>
    public const string TimeZoneName = "Asia/Ho_Chi_Minh";

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneName);

    /// <summary>The local calendar day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant a local day begins (its local midnight), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
