using GoShop.Analytics.Domain;
using GoShop.BuildingBlocks.Domain;

namespace GoShop.Analytics.Reports;

/// <summary>
/// The local days a report covers, both included (<see cref="From"/> to <see cref="To"/> in Asia/Ho_Chi_Minh), and
/// how its series is cut. Built only through <see cref="Check"/>, which refuses what a report cannot answer.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, Granularity Granularity)
{
    /// <summary>The longest period: three years of days.</summary>
    public const int MaxDays = 3 * 366;

    /// <summary>The longest period cut into hours.</summary>
    public const int MaxHourlyDays = 31;

    public const string InvalidRange = "INVALID_RANGE";
    public const string RangeTooLong = "RANGE_TOO_LONG";

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTimeOffset Start => AnalyticsCalendar.StartOf(From);

    /// <summary>The instant after the period (the next day's local midnight).</summary>
    public DateTimeOffset End => AnalyticsCalendar.StartOf(To.AddDays(1));

    /// <summary>The period of as many days just before this one, cut the same way.</summary>
    public ReportPeriod Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    public static Result<ReportPeriod> Check(DateOnly from, DateOnly to, Granularity granularity)
    {
        if (from > to)
            return new DomainError(InvalidRange, $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).", "from");
        var period = new ReportPeriod(from, to, granularity);
        if (period.Days > MaxDays)
            return new DomainError(RangeTooLong, $"A report covers at most {MaxDays} days (3 years); this one asks for {period.Days}.", "to");
        if (granularity == Granularity.Hour && period.Days > MaxHourlyDays)
            return new DomainError(RangeTooLong,
                $"An hourly report covers at most {MaxHourlyDays} days; this one asks for {period.Days}. Use DAY, WEEK or MONTH.", "granularity");
        return period;
    }

    /// <summary>The start of every bucket of the series, in order, empty ones included.</summary>
    public IReadOnlyList<DateTimeOffset> Buckets()
    {
        var buckets = new List<DateTimeOffset>();
        if (Granularity == Granularity.Hour)
        {
            for (var hour = Start; hour < End; hour = hour.AddHours(1))
                buckets.Add(hour);
            return buckets;
        }
        var first = BucketDayOf(From);
        for (var day = first; day <= To; day = NextBucketDay(day))
            buckets.Add(AnalyticsCalendar.StartOf(day));
        return buckets;
    }

    /// <summary>The start of the bucket a day belongs to (itself, its week's Monday or its month's first day).</summary>
    public DateOnly BucketDayOf(DateOnly day) => Granularity switch
    {
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Granularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private DateOnly NextBucketDay(DateOnly bucket) => Granularity switch
    {
        Granularity.Week => bucket.AddDays(7),
        Granularity.Month => bucket.AddMonths(1),
        _ => bucket.AddDays(1),
    };
}
