using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Facts;
using GoShop.BuildingBlocks.Data;
using GoShop.Contracts.Demo;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shipping;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Seed;

/// <summary>
/// Ninety days of generated history for every demo shop (orders through their whole life, COD and online payments,
/// cancellations, failed delivery attempts, partial returns with refunds, commission on release, product views and
/// cart adds), written through the same <see cref="FactRecorder"/> and rollup recount as live events, so the seller's
/// dashboard has something to show after <c>make up</c>. Deterministic (a fixed seed) and written once.
/// </summary>
public sealed class AnalyticsDemoData(AnalyticsDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : IDemoDataSeeder
{
    public const int Days = 90;
    private const int BuyerPool = 400;
    private const decimal CommissionRate = 0.05m;
    private static readonly string[] Methods = ["COD", "CARD", "E_WALLET", "BANK_TRANSFER"];
    private static readonly string[] Gateways = ["STRIPE", "MOMO", "VNPAY"];

    /// <summary>The id of the first order generated: its presence means the history is there.</summary>
    public static Guid MarkerOrderId => DemoIds.For("analytics-order:0:0:0");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Orders.AnyAsync(o => o.OrderId == MarkerOrderId, cancellationToken))
            return;
        var today = AnalyticsCalendar.DayOf(clock.GetUtcNow());
        for (var s = 0; s < DemoShops.All.Count; s++)
        {
            // A scope (and a transaction) per shop: the change tracker stays small and a shop's history commits whole.
            await using var scope = scopes.CreateAsyncScope();
            var shopDb = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            var facts = scope.ServiceProvider.GetRequiredService<FactRecorder>();
            await using var transaction = await shopDb.Database.BeginTransactionAsync(cancellationToken);
            await SeedShopAsync(shopDb, facts, s, today, cancellationToken);
            // Recounted now rather than queued: the dashboards show the history as soon as the seed is done.
            await shopDb.SaveChangesAsync(cancellationToken);
            await facts.Rollups.RecountNowAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task SeedShopAsync(AnalyticsDbContext shopDb, FactRecorder facts, int s, DateOnly today, CancellationToken cancellationToken)
    {
        var shop = DemoShops.All[s];
        var random = new Random(1000 + s);
        var openedAt = AnalyticsCalendar.StartOf(today.AddDays(-Days - 30));
        var copy = ShopCopy.From(new Contracts.Shops.ShopSnapshot(shop.Id, DemoShops.OwnerId, shop.Name, shop.Slug, "ACTIVE",
            shop.Latitude, shop.Longitude, shop.Address, shop.Categories));
        if (await shopDb.Shops.FindAsync([shop.Id], cancellationToken) is null)
        {
            copy.Apply(new Contracts.Shops.ShopSnapshot(shop.Id, DemoShops.OwnerId, shop.Name, shop.Slug, "ACTIVE", shop.Latitude, shop.Longitude,
                shop.Address, shop.Categories), openedAt, created: true);
            shopDb.Shops.Add(copy);
        }
        var prices = Enumerable.Range(0, DemoIds.ProductsPerShop).Select(_ => (decimal)random.Next(5, 200) * 10_000m).ToArray();
        var now = clock.GetUtcNow();
        for (var d = 0; d < Days; d++)
        {
            var day = today.AddDays(-Days + 1 + d);
            var dayStart = AnalyticsCalendar.StartOf(day);
            // Busier weekends and a slow upward trend, so the chart and the forecast have a shape.
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var orders = random.Next(2, 7) + (weekend ? 3 : 0) + d / 30;
            var views = new List<ProductViewFact>();
            for (var n = 0; n < orders; n++)
            {
                var placedAt = dayStart.AddMinutes(random.Next(7 * 60, 23 * 60));
                if (placedAt > now)
                    continue;
                var order = Order(shop, s, d, n, random, prices, placedAt);
                await PlayOrderAsync(facts, order, random, now, cancellationToken);
                foreach (var line in order.Lines)
                    views.Add(View(shop, line.ProductId, order.BuyerId, placedAt.AddMinutes(-random.Next(5, 120)), s, d, views.Count));
            }
            for (var v = 0; v < orders * 6; v++)
            {
                var product = DemoIds.Product(shop, random.Next(DemoIds.ProductsPerShop));
                var viewedAt = dayStart.AddMinutes(random.Next(0, 24 * 60));
                if (viewedAt > now)
                    continue;
                var viewer = random.Next(3) == 0 ? (Guid?)null : Buyer(random);
                views.Add(View(shop, product, viewer, viewedAt, s, d, views.Count));
                if (viewer is { } buyer && random.Next(5) == 0)
                    facts.CartAdd(new CartAddFact(DemoIds.For($"analytics-cart:{s}:{d}:{v}"), buyer, product, shop.Id, 1, viewedAt.AddMinutes(1)));
            }
            await facts.ViewsAsync(views, cancellationToken);
        }
    }

    private static OrderSnapshot Order(DemoShop shop, int s, int d, int n, Random random, decimal[] prices, DateTimeOffset placedAt)
    {
        var lines = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(DemoIds.ProductsPerShop)).Distinct().Select(index =>
        {
            var quantity = random.Next(1, 4);
            return new OrderLineSnapshot(DemoIds.Product(shop, index), null, $"Sản phẩm {index + 1}", null, null, quantity, prices[index],
                prices[index] * quantity, 500);
        }).ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var discount = random.Next(5) == 0 ? Math.Round(subtotal * 0.1m, 0) : 0m;
        const decimal shipping = 25_000m;
        var city = random.Next(3) switch { 0 => "Hà Nội", 1 => "Đà Nẵng", _ => "TP. Hồ Chí Minh" };
        return new OrderSnapshot(DemoIds.For($"analytics-order:{s}:{d}:{n}"), DemoIds.For($"analytics-checkout:{s}:{d}:{n}"),
            $"DEMO-{s:D2}{d:D3}{n:D2}", Buyer(random), shop.Id, DemoShops.OwnerId, "PENDING", Methods[random.Next(Methods.Length)], lines,
            subtotal, shipping, 0m, discount, subtotal + shipping - discount, "VND", [], 500 * lines.Count, shop.Latitude, shop.Longitude,
            new OrderAddressSnapshot("Khách hàng", "0900000000", "1 Đường Demo", null, null, "Quận 1", city, "VN", null, null), placedAt);
    }

    /// <summary>Plays an order's life as its events would report it, stopping at what has happened by now.</summary>
    private static async Task PlayOrderAsync(FactRecorder facts, OrderSnapshot order, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        async Task<bool> StepAsync(string status, OrderMilestone milestone, DateTimeOffset at)
        {
            if (at > now)
                return false;
            await facts.OrderAsync(order with { Status = status }, milestone, at, cancellationToken);
            return true;
        }

        var at = order.PlacedAt;
        await StepAsync(order.PaymentMethod == "COD" ? "PENDING" : "PENDING_PAYMENT", OrderMilestone.Placed, at);
        var paymentId = DemoIds.For($"analytics-payment:{order.OrderId}");
        if (order.PaymentMethod != "COD")
        {
            if (random.Next(25) == 0)
            {
                // The gateway from the payment's id, not the random sequence, which the rest of the history follows.
                await facts.PaymentFailedAsync(paymentId, [order.OrderId], Gateways[paymentId.ToByteArray()[0] % Gateways.Length], order.PaymentMethod,
                    at.AddMinutes(5), cancellationToken);
                await StepAsync("CANCELLED", OrderMilestone.Cancelled, at.AddMinutes(6));
                return;
            }
            await facts.PaymentSucceededAsync(paymentId, [order.OrderId], Gateways[random.Next(Gateways.Length)], order.PaymentMethod, order.Total,
                at.AddMinutes(2), cancellationToken);
        }
        if (random.Next(20) == 0)
        {
            // Cancelled after payment: an online order's money goes back.
            if (await StepAsync("CANCELLED", OrderMilestone.Cancelled, at.AddMinutes(30)) && order.PaymentMethod != "COD")
                await facts.RefundAsync(DemoIds.For($"analytics-refund:{order.OrderId}"), order.OrderId, order.Total, at.AddMinutes(40), cancellationToken);
            return;
        }
        if (!await StepAsync("CONFIRMED", OrderMilestone.Confirmed, at = at.AddMinutes(random.Next(10, 240))))
            return;
        var shipment = new ShipmentSnapshot(DemoIds.For($"analytics-shipment:{order.OrderId}"), order.OrderId, order.ShopId, order.BuyerId,
            "DEMO", "AWAITING_ASSIGNMENT", null, order.PaymentMethod == "COD" ? order.Total : 0m, "VND");
        await facts.ShipmentAsync(shipment, at, _ => { }, cancellationToken);
        var pickedUp = at.AddMinutes(random.Next(60, 24 * 60));
        if (!await StepAsync("SHIPPED", OrderMilestone.Shipped, pickedUp))
            return;
        await facts.ShipmentAsync(shipment, pickedUp, f => f.PickedUp(pickedUp), cancellationToken);
        if (random.Next(15) == 0 && pickedUp.AddHours(6) <= now)
            await facts.ShipmentAsync(shipment, pickedUp.AddHours(6), f => f.Failed(returnedToShop: false), cancellationToken);
        var delivered = pickedUp.AddMinutes(random.Next(8 * 60, 3 * 24 * 60));
        if (!await StepAsync("DELIVERED", OrderMilestone.Delivered, delivered))
            return;
        await facts.ShipmentAsync(shipment, delivered, f => f.Delivered(delivered), cancellationToken);
        if (random.Next(25) == 0)
        {
            // A partial return of one unit of the first line, refunded when the parcel is back.
            var line = order.Lines[0];
            var returned = new ReturnSnapshot(DemoIds.For($"analytics-return:{order.OrderId}"), order.OrderId, order.BuyerId, order.ShopId,
                order.SellerId, "APPROVED", "Không vừa", [new ReturnLineSnapshot(Guid.Empty, line.ProductId, null, line.Title, null, 1, line.UnitPrice, 500)],
                line.UnitPrice, "VND", false, 500, order.DeliveryAddress, order.ShopLatitude, order.ShopLongitude, delivered.AddDays(1));
            if (delivered.AddDays(1) <= now)
                await facts.ReturnAsync(order with { Status = "DELIVERED" }, returned, delivered.AddDays(1), cancellationToken);
            if (delivered.AddDays(4) <= now)
                await facts.RefundAsync(DemoIds.For($"analytics-refund:{order.OrderId}"), order.OrderId, line.UnitPrice, delivered.AddDays(4), cancellationToken);
        }
        var completed = delivered.AddDays(3);
        if (await StepAsync("COMPLETED", OrderMilestone.Completed, completed))
            await facts.ReleasedAsync(order.OrderId, DemoIds.For($"analytics-escrow:{order.OrderId}"), Math.Round((order.Subtotal - order.Discount) * CommissionRate, 0),
                completed, cancellationToken);
    }

    private static ProductViewFact View(DemoShop shop, Guid productId, Guid? userId, DateTimeOffset at, int s, int d, int v) =>
        new(DemoIds.For($"analytics-view:{s}:{d}:{v}"), productId, shop.Id, userId, userId is null ? $"visitor-{d}-{v}" : null, at);

    private static Guid Buyer(Random random) => random.Next(10) == 0 ? DemoAccounts.BuyerId : DemoIds.For($"analytics-buyer:{random.Next(BuyerPool)}");
}
