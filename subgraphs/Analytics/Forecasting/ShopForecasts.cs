using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Forecasting;

/// <summary>One forecast day: expected orders and gross sales.</summary>
public sealed record ForecastDay(DateOnly Day, double Orders, decimal GrossSales);

/// <summary>
/// How the method did when it had to forecast the last <see cref="Days"/> days from the days before them: mean absolute
/// errors per day, and the weighted absolute percentage errors (the absolute errors' sum over the actual sum; null when
/// the actual sum was zero).
/// </summary>
public sealed record ForecastBacktest(int Days, double OrdersMeanAbsoluteError, double? OrdersWeightedError, decimal GrossSalesMeanAbsoluteError,
    double? GrossSalesWeightedError);

public sealed record ShopForecast(int HistoryDays, IReadOnlyList<ForecastDay> Days, ForecastBacktest? Backtest);

/// <summary>A shop's next days of orders and gross sales from its day rollups (Holt-Winters, weekly season), with a back-test.</summary>
public sealed class ShopForecasts(AnalyticsDbContext db)
{
    public const int MaxDays = 28;
    public const int BacktestDays = 28;

    /// <summary>At most this much history is fitted: enough seasons for the weekly shape, recent enough to follow a change.</summary>
    public const int HistoryWindow = 182;

    /// <summary>
    /// The forecast of the <paramref name="days"/> local days from <paramref name="today"/> on, from the complete days
    /// before it; null while the shop has fewer than <see cref="HoltWinters.MinimumHistory"/> days since its first order.
    /// </summary>
    public async Task<ShopForecast?> ForecastAsync(Guid shopId, DateOnly today, int days, CancellationToken cancellationToken)
    {
        var end = AnalyticsCalendar.StartOf(today);
        var windowStart = AnalyticsCalendar.StartOf(today.AddDays(-HistoryWindow));
        var rows = await db.Rollups.AsNoTracking()
            .Where(r => r.Scope == RollupScope.Shop && r.ScopeId == shopId && r.Grain == RollupGrain.Day && r.BucketStart >= windowStart && r.BucketStart < end
                && r.PlacedOrders > 0)
            .Select(r => new { r.BucketStart, r.Orders, r.GrossSales })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return null;
        var first = AnalyticsCalendar.DayOf(rows.Min(r => r.BucketStart));
        var length = today.DayNumber - first.DayNumber;
        if (length < HoltWinters.MinimumHistory)
            return null;
        var byDay = rows.ToDictionary(r => AnalyticsCalendar.DayOf(r.BucketStart));
        var orders = Enumerable.Range(0, length).Select(i => byDay.TryGetValue(first.AddDays(i), out var r) ? (double)r.Orders : 0).ToArray();
        var sales = Enumerable.Range(0, length).Select(i => byDay.TryGetValue(first.AddDays(i), out var r) ? (double)r.GrossSales : 0).ToArray();

        var orderForecast = HoltWinters.Forecast(orders, days);
        var salesForecast = HoltWinters.Forecast(sales, days);
        var forecast = Enumerable.Range(0, days)
            .Select(i => new ForecastDay(today.AddDays(i), Math.Round(orderForecast[i], 2), Math.Round((decimal)salesForecast[i], 0)))
            .ToList();
        return new ShopForecast(length, forecast, Backtest(orders, sales));
    }

    private static ForecastBacktest? Backtest(double[] orders, double[] sales)
    {
        if (orders.Length < HoltWinters.MinimumHistory + BacktestDays)
            return null;
        var fitted = orders.Length - BacktestDays;
        var (ordersError, ordersWeighted) = Errors(orders[fitted..], HoltWinters.Forecast(orders[..fitted], BacktestDays));
        var (salesError, salesWeighted) = Errors(sales[fitted..], HoltWinters.Forecast(sales[..fitted], BacktestDays));
        return new ForecastBacktest(BacktestDays, Math.Round(ordersError, 3), ordersWeighted, Math.Round((decimal)salesError, 0), salesWeighted);
    }

    private static (double MeanAbsolute, double? Weighted) Errors(double[] actual, double[] forecast)
    {
        var absolute = actual.Zip(forecast, (a, f) => Math.Abs(a - f)).Sum();
        var total = actual.Sum();
        return (absolute / actual.Length, total == 0 ? null : Math.Round(absolute / total, 4));
    }
}
