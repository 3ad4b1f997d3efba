using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Reports;

/// <summary>The platform's figures over a period: every shop's rollups summed, and what only the facts can count.</summary>
public sealed record PlatformFigures(ReportPeriod Period, RollupTotals Totals, int ActiveBuyers, int ActiveSellers, int NewShops)
{
    /// <summary>Commission over GMV (0 without sales).</summary>
    public double TakeRate => Totals.GrossSales == 0 ? 0 : (double)(Totals.Commission / Totals.GrossSales);
}

public sealed record StatusCount(string Status, int Orders);

public sealed record PaymentSuccess(string Gateway, string Method, int Attempts, int Succeeded)
{
    public double SuccessRate => RollupTotals.Rate(Succeeded, Attempts);
}

/// <summary>A category's or a shop's sales over a period.</summary>
public sealed record ScopeSales(Guid Id, int Orders, int Units, decimal Revenue);

public sealed record CityDelivery(string City, int Shipments, int Delivered, int Failed, double? AverageDeliveryMinutes)
{
    public double FailedDeliveryRate => RollupTotals.Rate(Failed, Shipments);
}

public sealed class PlatformReports(AnalyticsDbContext db)
{
    private const int Top = 10;

    public async Task<PlatformFigures> FiguresAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var totals = await ShopReports.SumAsync(ShopDays(period), cancellationToken);
        var live = db.Orders.Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.Status != OrderFact.Cancelled);
        var buyers = await live.Select(o => o.BuyerId).Distinct().CountAsync(cancellationToken);
        var sellers = await live.Select(o => o.ShopId).Distinct().CountAsync(cancellationToken);
        var newShops = await db.Shops.CountAsync(s => s.CreatedAt >= start && s.CreatedAt < end, cancellationToken);
        return new PlatformFigures(period, totals, buyers, sellers, newShops);
    }

    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var grain = period.Granularity == Granularity.Hour ? RollupGrain.Hour : RollupGrain.Day;
        var (start, end) = (period.Start, period.End);
        var rows = await db.Rollups.Where(r => r.Scope == RollupScope.Shop && r.Grain == grain && r.BucketStart >= start && r.BucketStart < end)
            .ToListAsync(cancellationToken);
        var byBucket = rows
            .GroupBy(r => grain == RollupGrain.Hour ? r.BucketStart : AnalyticsCalendar.StartOf(period.BucketDayOf(AnalyticsCalendar.DayOf(r.BucketStart))))
            .ToDictionary(g => g.Key, g => ShopReports.Sum(g));
        return period.Buckets().Select(s => new SeriesPoint(s, byBucket.GetValueOrDefault(s, RollupTotals.Zero))).ToList();
    }

    /// <summary>Orders placed in the period by their status now, most frequent first.</summary>
    public async Task<IReadOnlyList<StatusCount>> OrdersByStatusAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var counts = await db.Orders.Where(o => o.PlacedAt >= start && o.PlacedAt < end)
            .GroupBy(o => o.Status).Select(g => new { Status = g.Key, Orders = g.Count() }).ToListAsync(cancellationToken);
        return counts.Select(c => new StatusCount(c.Status, c.Orders)).OrderByDescending(s => s.Orders).ThenBy(s => s.Status, StringComparer.Ordinal).ToList();
    }

    /// <summary>Payment attempts of the period (by when they ended) per gateway and method.</summary>
    public async Task<IReadOnlyList<PaymentSuccess>> PaymentSuccessAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var groups = await db.Payments.Where(p => p.OccurredAt >= start && p.OccurredAt < end)
            .Select(p => new
            {
                p.Gateway,
                // A failure names no method: its order's, if analytics has heard of the order.
                Method = p.Method != "" ? p.Method : db.Orders.Where(o => o.OrderId == p.OrderId).Select(o => o.PaymentMethod).FirstOrDefault() ?? "",
                p.Status,
            })
            .GroupBy(p => new { p.Gateway, p.Method })
            .Select(g => new { g.Key.Gateway, g.Key.Method, Attempts = g.Count(), Succeeded = g.Count(p => p.Status == PaymentFact.Succeeded) })
            .ToListAsync(cancellationToken);
        return groups.Select(g => new PaymentSuccess(g.Gateway, g.Method, g.Attempts, g.Succeeded))
            .OrderBy(p => p.Gateway, StringComparer.Ordinal).ThenBy(p => p.Method, StringComparer.Ordinal).ToList();
    }

    public async Task<List<ScopeSales>> TopAsync(RollupScope scope, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var top = await db.Rollups.Where(r => r.Scope == scope && r.Grain == RollupGrain.Day && r.BucketStart >= start && r.BucketStart < end)
            .GroupBy(r => r.ScopeId)
            .Select(g => new { Id = g.Key, Orders = g.Sum(r => r.Orders), Units = g.Sum(r => r.Units), Revenue = g.Sum(r => r.GrossSales) })
            .Where(s => s.Orders > 0)
            .OrderByDescending(s => s.Revenue).ThenBy(s => s.Id).Take(Top).ToListAsync(cancellationToken);
        return top.Select(s => new ScopeSales(s.Id, s.Orders, s.Units, s.Revenue)).ToList();
    }

    /// <summary>Deliveries of the orders placed in the period, per city of their address.</summary>
    public async Task<IReadOnlyList<CityDelivery>> DeliveryByCityAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var rows = await db.Shipments
            .Join(db.Orders, s => s.OrderId, o => o.OrderId, (s, o) => new { o.City, o.PlacedAt, s.AttemptFailed, s.PickedUpAt, s.DeliveredAt })
            .Where(x => x.PlacedAt >= start && x.PlacedAt < end)
            .GroupBy(x => x.City)
            .Select(g => new
            {
                City = g.Key,
                Shipments = g.Count(),
                Delivered = g.Count(x => x.DeliveredAt != null),
                Failed = g.Count(x => x.AttemptFailed),
                Timed = g.Count(x => x.DeliveredAt != null && x.PickedUpAt != null),
                Seconds = g.Where(x => x.DeliveredAt != null && x.PickedUpAt != null)
                    .Sum(x => (x.DeliveredAt!.Value - x.PickedUpAt!.Value).TotalSeconds),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Shipments).ThenBy(r => r.City, StringComparer.Ordinal)
            .Select(r => new CityDelivery(r.City, r.Shipments, r.Delivered, r.Failed, RollupTotals.AverageMinutes(r.Seconds, r.Timed))).ToList();
    }

    private IQueryable<Rollup> ShopDays(ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        return db.Rollups.Where(r => r.Scope == RollupScope.Shop && r.Grain == RollupGrain.Day && r.BucketStart >= start && r.BucketStart < end);
    }
}
