using GoShop.Analytics.Domain;

namespace GoShop.Analytics.Tests.Support;

/// <summary>A shop's figures counted plainly, order by order, from the test's own account of its history.</summary>
public sealed record ExpectedFigures(
    decimal GrossSales, decimal NetRevenue, decimal Vouchers, decimal Commission, decimal Refunds, int Orders, int PlacedOrders,
    int CancelledOrders, int Units, decimal AverageOrderValue, int UniqueBuyers, int NewBuyers, int ProductViews, int Viewers, int AddsToCart,
    double ConversionRate, double CancellationRate, double ReturnRate, double? MinutesToConfirm, double? MinutesToShipper,
    double? DeliveryMinutes, double FailedDeliveryRate, double CodShare,
    IReadOnlyList<(Guid Product, int Units, decimal Revenue)> Products);

public static class Recount
{
    public static ExpectedFigures Shop(History history, Guid shopId, DateOnly from, DateOnly to)
    {
        var (start, end) = (AnalyticsCalendar.StartOf(from), AnalyticsCalendar.StartOf(to.AddDays(1)));
        var placed = history.Orders.Where(o => o.Snapshot.ShopId == shopId && o.PlacedAt >= start && o.PlacedAt < end).ToList();
        var live = placed.Where(o => !o.Cancelled).ToList();
        var gross = live.Sum(o => o.Snapshot.Subtotal);
        var vouchers = live.Sum(o => o.Snapshot.Discount);
        var commission = live.Sum(o => o.Commission);
        var refunds = live.Sum(o => o.Refunded);
        var buyers = live.Select(o => o.Snapshot.BuyerId).Distinct().ToList();
        var earlierBuyers = history.Orders.Where(o => o.Snapshot.ShopId == shopId && !o.Cancelled && o.PlacedAt < start)
            .Select(o => o.Snapshot.BuyerId).ToHashSet();
        var views = history.Views.Where(v => v.ShopId == shopId && v.ViewedAt >= start && v.ViewedAt < end).ToList();
        var viewers = views.Select(v => v.UserId?.ToString() ?? v.VisitorId).Distinct().Count();
        var delivered = placed.Where(o => o.DeliveredAt is not null).ToList();
        var shipped = placed.Where(o => o.HasShipment).ToList();
        var products = live.SelectMany(o => o.Snapshot.Lines).GroupBy(l => l.ProductId)
            .Select(g => (g.Key, g.Sum(l => l.Quantity), g.Sum(l => l.LineTotal))).ToList();
        return new ExpectedFigures(
            gross, gross - vouchers - commission - refunds, vouchers, commission, refunds, live.Count, placed.Count, placed.Count - live.Count,
            live.Sum(o => o.Snapshot.Lines.Sum(l => l.Quantity)),
            live.Count == 0 ? 0 : Math.Round(gross / live.Count, 0, MidpointRounding.AwayFromZero),
            buyers.Count, buyers.Count(b => !earlierBuyers.Contains(b)), views.Count, viewers,
            history.CartAdds.Count(c => c.ShopId == shopId && c.OccurredAt >= start && c.OccurredAt < end),
            viewers == 0 ? 0 : (double)buyers.Count / viewers,
            placed.Count == 0 ? 0 : (double)(placed.Count - live.Count) / placed.Count,
            delivered.Count == 0 ? 0 : (double)delivered.Count(o => o.AcceptedReturn) / delivered.Count,
            Average(placed.Where(o => o.ConfirmedAt is not null).Select(o => (o.ConfirmedAt!.Value - o.PlacedAt).TotalMinutes)),
            Average(placed.Where(o => o.ShippedAt is not null && o.ConfirmedAt is not null).Select(o => (o.ShippedAt!.Value - o.ConfirmedAt!.Value).TotalMinutes)),
            Average(placed.Where(o => o.DeliveredAt is not null && o.ShippedAt is not null).Select(o => (o.DeliveredAt!.Value - o.ShippedAt!.Value).TotalMinutes)),
            shipped.Count == 0 ? 0 : (double)shipped.Count(o => o.FailedAttempt) / shipped.Count,
            live.Count == 0 ? 0 : (double)live.Count(o => o.Snapshot.PaymentMethod == "COD") / live.Count,
            products);
    }

    private static double? Average(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
