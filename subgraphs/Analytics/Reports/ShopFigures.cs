namespace GoShop.Analytics.Reports;

/// <summary>
/// A shop's (or the platform's) figures over a period: the rollups' sums, and the counts of distinct people, which no
/// sum of days can give and are counted from the facts.
/// </summary>
public sealed record ShopFigures(Guid ShopId, ReportPeriod Period, RollupTotals Totals, int UniqueBuyers, int NewBuyers, int Viewers)
{
    /// <summary>These are the figures of the period before the one asked for (which has no previous of its own).</summary>
    public bool IsPrevious { get; init; }

    public int ReturningBuyers => UniqueBuyers - NewBuyers;

    /// <summary>Buyers who ordered over people who viewed one of the shop's products (0 without views; may pass 1 when views went untracked).</summary>
    public double ConversionRate => Viewers == 0 ? 0 : (double)UniqueBuyers / Viewers;
}

/// <summary>One point of a chart: the sums of one bucket.</summary>
public sealed record SeriesPoint(DateTimeOffset Start, RollupTotals Totals);

/// <summary>A product's sales over a period.</summary>
public sealed record ProductSales(Guid ProductId, int Units, decimal Revenue, int Orders);

/// <summary>A product's funnel over a period: views, adds to cart, orders, revenue; conversion = its buyers over its viewers.</summary>
public sealed record ProductFigures(Guid ProductId, ReportPeriod Period, RollupTotals Totals, int Buyers, int Viewers)
{
    public double ConversionRate => Viewers == 0 ? 0 : (double)Buyers / Viewers;
}
