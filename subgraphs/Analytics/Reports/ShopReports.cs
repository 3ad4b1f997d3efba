using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Reports;

/// <summary>
/// Reads a shop's and a product's figures: sums from the day (or hour) rollups, distinct people from the facts. A shop's
/// parts are kept in <see cref="ShopReportCache"/> under the shop's report version.
/// </summary>
public sealed class ShopReports(AnalyticsDbContext db, ShopReportCache cache)
{
    private readonly Dictionary<Guid, long> _versions = [];

    public async Task<ShopFigures> ShopAsync(Guid shopId, ReportPeriod period, CancellationToken cancellationToken) =>
        await cache.GetOrComputeAsync(await PartAsync("figures", shopId, period, cancellationToken),
            () => CountShopAsync(shopId, period, cancellationToken));

    private async Task<ShopFigures> CountShopAsync(Guid shopId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var totals = await SumAsync(Rollups(RollupScope.Shop, shopId, period), cancellationToken);
        var (start, end) = (period.Start, period.End);
        var buyers = db.Orders.Where(o => o.ShopId == shopId && o.PlacedAt >= start && o.PlacedAt < end && o.Status != OrderFact.Cancelled)
            .Select(o => o.BuyerId).Distinct();
        var uniqueBuyers = await buyers.CountAsync(cancellationToken);
        var newBuyers = await buyers.Where(b => !db.Orders.Any(p =>
            p.ShopId == shopId && p.BuyerId == b && p.Status != OrderFact.Cancelled && p.PlacedAt < start)).CountAsync(cancellationToken);
        var viewers = await db.ProductViews.Where(v => v.ShopId == shopId && v.ViewedAt >= start && v.ViewedAt < end)
            .Select(v => v.UserId != null ? v.UserId.ToString() : v.VisitorId).Distinct().CountAsync(cancellationToken);
        return new ShopFigures(shopId, period, totals, uniqueBuyers, newBuyers, viewers);
    }

    public async Task<ProductFigures> ProductAsync(Guid productId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var totals = await SumAsync(Rollups(RollupScope.Product, productId, period), cancellationToken);
        var (start, end) = (period.Start, period.End);
        var buyers = await db.Orders
            .Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.Status != OrderFact.Cancelled && o.Lines.Any(l => l.ProductId == productId))
            .Select(o => o.BuyerId).Distinct().CountAsync(cancellationToken);
        var viewers = await db.ProductViews.Where(v => v.ProductId == productId && v.ViewedAt >= start && v.ViewedAt < end)
            .Select(v => v.UserId != null ? v.UserId.ToString() : v.VisitorId).Distinct().CountAsync(cancellationToken);
        return new ProductFigures(productId, period, totals, buyers, viewers);
    }

    /// <summary>The shop's figures per bucket of the period, every bucket present (zeros where nothing happened).</summary>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(Guid shopId, ReportPeriod period, CancellationToken cancellationToken) =>
        await cache.GetOrComputeAsync(await PartAsync("series", shopId, period, cancellationToken),
            () => ComputeSeriesAsync(shopId, period, cancellationToken));

    private async Task<IReadOnlyList<SeriesPoint>> ComputeSeriesAsync(Guid shopId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var grain = period.Granularity == Granularity.Hour ? RollupGrain.Hour : RollupGrain.Day;
        var rows = await Rollups(RollupScope.Shop, shopId, period, grain).ToListAsync(cancellationToken);
        var byBucket = rows
            .GroupBy(r => grain == RollupGrain.Hour ? r.BucketStart : AnalyticsCalendar.StartOf(period.BucketDayOf(AnalyticsCalendar.DayOf(r.BucketStart))))
            .ToDictionary(g => g.Key, g => Sum(g));
        return period.Buckets().Select(start => new SeriesPoint(start, byBucket.GetValueOrDefault(start, RollupTotals.Zero))).ToList();
    }

    /// <summary>The shop's best products of the period, by revenue or by units (ties by id), at most <paramref name="first"/>.</summary>
    public async Task<IReadOnlyList<ProductSales>> TopProductsAsync(Guid shopId, ReportPeriod period, bool byUnits, int first,
        CancellationToken cancellationToken) =>
        await cache.GetOrComputeAsync(await PartAsync($"top-{(byUnits ? "units" : "revenue")}-{first}", shopId, period, cancellationToken),
            () => RankProductsAsync(shopId, period, byUnits, first, cancellationToken));

    private async Task<IReadOnlyList<ProductSales>> RankProductsAsync(Guid shopId, ReportPeriod period, bool byUnits, int first,
        CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var sales = db.Rollups
            .Where(r => r.ShopId == shopId && r.Scope == RollupScope.Product && r.Grain == RollupGrain.Day && r.BucketStart >= start && r.BucketStart < end)
            .GroupBy(r => r.ScopeId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(r => r.Units), Revenue = g.Sum(r => r.GrossSales), Orders = g.Sum(r => r.Orders) })
            .Where(p => p.Orders > 0);
        var ordered = byUnits
            ? sales.OrderByDescending(p => p.Units).ThenByDescending(p => p.Revenue).ThenBy(p => p.ProductId)
            : sales.OrderByDescending(p => p.Revenue).ThenByDescending(p => p.Units).ThenBy(p => p.ProductId);
        return (await ordered.Take(first).ToListAsync(cancellationToken)).Select(p => new ProductSales(p.ProductId, p.Units, p.Revenue, p.Orders)).ToList();
    }

    /// <summary>
    /// Names a part of the shop's report at the shop's report version (0 before its first recount), read once per request
    /// (this service is scoped; a dashboard asks for five parts, the previous period's figures among them): every part
    /// of one answer is keyed by the version read before the first was computed.
    /// </summary>
    private async Task<ShopReportPart> PartAsync(string part, Guid shopId, ReportPeriod period, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue(shopId, out var version))
        {
            version = await db.ShopReportVersions.AsNoTracking().Where(v => v.ShopId == shopId).Select(v => v.Version)
                .FirstOrDefaultAsync(cancellationToken);
            _versions[shopId] = version;
        }
        return new ShopReportPart(part, shopId, version, period);
    }

    private IQueryable<Rollup> Rollups(RollupScope scope, Guid scopeId, ReportPeriod period, RollupGrain grain = RollupGrain.Day)
    {
        var (start, end) = (period.Start, period.End);
        return db.Rollups.Where(r => r.Scope == scope && r.ScopeId == scopeId && r.Grain == grain && r.BucketStart >= start && r.BucketStart < end);
    }

    internal static async Task<RollupTotals> SumAsync(IQueryable<Rollup> rollups, CancellationToken cancellationToken) =>
        await rollups.GroupBy(_ => 1).Select(g => new RollupTotals
        {
            PlacedOrders = g.Sum(r => r.PlacedOrders),
            CancelledOrders = g.Sum(r => r.CancelledOrders),
            Orders = g.Sum(r => r.Orders),
            Units = g.Sum(r => r.Units),
            GrossSales = g.Sum(r => r.GrossSales),
            Discounts = g.Sum(r => r.Discounts),
            Commission = g.Sum(r => r.Commission),
            Refunds = g.Sum(r => r.Refunds),
            CodOrders = g.Sum(r => r.CodOrders),
            DeliveredOrders = g.Sum(r => r.DeliveredOrders),
            ReturnedOrders = g.Sum(r => r.ReturnedOrders),
            ConfirmCount = g.Sum(r => r.ConfirmCount),
            ConfirmSeconds = g.Sum(r => r.ConfirmSeconds),
            HandoverCount = g.Sum(r => r.HandoverCount),
            HandoverSeconds = g.Sum(r => r.HandoverSeconds),
            DeliveryCount = g.Sum(r => r.DeliveryCount),
            DeliverySeconds = g.Sum(r => r.DeliverySeconds),
            Shipments = g.Sum(r => r.Shipments),
            FailedShipments = g.Sum(r => r.FailedShipments),
            Views = g.Sum(r => r.Views),
            CartAdds = g.Sum(r => r.CartAdds),
        }).FirstOrDefaultAsync(cancellationToken) ?? RollupTotals.Zero;

    internal static RollupTotals Sum(IEnumerable<Rollup> rows)
    {
        var list = rows as IReadOnlyCollection<Rollup> ?? rows.ToList();
        return new RollupTotals
        {
            PlacedOrders = list.Sum(r => r.PlacedOrders),
            CancelledOrders = list.Sum(r => r.CancelledOrders),
            Orders = list.Sum(r => r.Orders),
            Units = list.Sum(r => r.Units),
            GrossSales = list.Sum(r => r.GrossSales),
            Discounts = list.Sum(r => r.Discounts),
            Commission = list.Sum(r => r.Commission),
            Refunds = list.Sum(r => r.Refunds),
            CodOrders = list.Sum(r => r.CodOrders),
            DeliveredOrders = list.Sum(r => r.DeliveredOrders),
            ReturnedOrders = list.Sum(r => r.ReturnedOrders),
            ConfirmCount = list.Sum(r => r.ConfirmCount),
            ConfirmSeconds = list.Sum(r => r.ConfirmSeconds),
            HandoverCount = list.Sum(r => r.HandoverCount),
            HandoverSeconds = list.Sum(r => r.HandoverSeconds),
            DeliveryCount = list.Sum(r => r.DeliveryCount),
            DeliverySeconds = list.Sum(r => r.DeliverySeconds),
            Shipments = list.Sum(r => r.Shipments),
            FailedShipments = list.Sum(r => r.FailedShipments),
            Views = list.Sum(r => r.Views),
            CartAdds = list.Sum(r => r.CartAdds),
        };
    }
}
