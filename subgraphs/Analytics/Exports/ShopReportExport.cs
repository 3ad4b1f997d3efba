using System.Globalization;
using System.Text;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Links;
using Microsoft.Extensions.Options;

namespace GoShop.Analytics.Exports;

/// <summary>
/// A shop's report as a CSV file, one row per local day, behind a signed, expiring link
/// (<c>/exports/shops/{shopId}/report.csv?from=…&amp;to=…&amp;expires=…&amp;sig=…</c>): a browser downloads it without a token.
/// </summary>
public sealed class ShopReportExport(IOptions<ExportOptions> options, TimeProvider clock, ShopReports reports)
{
    public const string Header =
        "day,placed_orders,orders,cancelled_orders,units,gross_sales,vouchers,commission,refunds,net_revenue,product_views,adds_to_cart";

    public SignedLink Sign(Guid shopId, ReportPeriod period) =>
        SignedLinks.Sign(options.Value.SigningKey,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/exports/shops/{shopId}/report.csv?from={Day(period.From)}&to={Day(period.To)}",
            Subject(shopId, period.From, period.To), clock.GetUtcNow().Add(options.Value.UrlLifetime));

    public bool IsValid(Guid shopId, DateOnly from, DateOnly to, string? expires, string? signature) =>
        SignedLinks.IsValid(options.Value.SigningKey, Subject(shopId, from, to), expires, signature, clock.GetUtcNow());

    public async Task<string> CsvAsync(Guid shopId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var point in await reports.SeriesAsync(shopId, period with { Granularity = Granularity.Day }, cancellationToken))
        {
            var t = point.Totals;
            csv.Append(CultureInfo.InvariantCulture, $"{Day(Domain.AnalyticsCalendar.DayOf(point.Start))},{t.PlacedOrders},{t.Orders},{t.CancelledOrders},{t.Units},")
                .Append(CultureInfo.InvariantCulture, $"{t.GrossSales:0.##},{t.Discounts:0.##},{t.Commission:0.##},{t.Refunds:0.##},{t.NetRevenue:0.##},{t.Views},{t.CartAdds}\n");
        }
        return csv.ToString();
    }

    private static string Subject(Guid shopId, DateOnly from, DateOnly to) => $"shop-report:{shopId}:{Day(from)}:{Day(to)}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
