using GoShop.Analytics.Domain;
using GoShop.Contracts;
using GoShop.Contracts.Cart;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Contracts.Search;
using GoShop.Contracts.Shipping;
using GoShop.Contracts.Shops;

namespace GoShop.Analytics.Tests.Support;

/// <summary>One order of a generated history and everything that happened to it, as the test knows it (not as analytics counts it).</summary>
public sealed class SimulatedOrder
{
    public required OrderSnapshot Snapshot { get; init; }
    public DateTimeOffset PlacedAt => Snapshot.PlacedAt;
    public bool Cancelled { get; set; }
    public bool Completed { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public bool HasShipment { get; set; }
    public bool FailedAttempt { get; set; }
    public bool AcceptedReturn { get; set; }
    public decimal Refunded { get; set; }
    public decimal Commission { get; set; }
}

/// <summary>
/// A random but seeded history of shops: orders through their whole life (online and COD payments, failed payments,
/// cancellations before and after payment with their refunds, failed delivery attempts, partial returns with refunds,
/// commission on release), product views and cart adds, as the contract events their owners publish. The test keeps
/// its own account of every order beside the events, to recount the figures plainly.
/// </summary>
public sealed class History
{
    private readonly Random _random;
    private readonly List<(IIntegrationEvent Message, Guid MessageId, DateTimeOffset At)> _events = [];

    public History(int seed, int shops, DateOnly firstDay, int days, int categories = 3)
    {
        _random = new Random(seed);
        FirstDay = firstDay;
        Days = days;
        Buyers = Enumerable.Range(0, 12).Select(_ => Guid.CreateVersion7()).ToList();
        Categories = Enumerable.Range(0, categories).Select(_ => Guid.CreateVersion7()).ToList();
        for (var s = 0; s < shops; s++)
        {
            var shop = new ShopSnapshot(Guid.CreateVersion7(), Guid.CreateVersion7(), $"Shop {s}", $"shop-{s}", "ACTIVE", 10.77, 106.70, "1 Lê Lợi", []);
            Shops.Add(shop);
            Add(new ShopCreated(shop, AnalyticsCalendar.StartOf(firstDay).AddDays(-5)));
            for (var p = 0; p < 5; p++)
            {
                var productId = Guid.CreateVersion7();
                Products.Add((shop.ShopId, productId, Categories[_random.Next(Categories.Count)], (decimal)_random.Next(1, 50) * 10_000m));
                Add(new ProductCreated(new ProductSnapshot(productId, shop.ShopId, $"Product {s}-{p}", null, null, null, Products[^1].Category, [],
                    "ACTIVE", Products[^1].Price, null, null, null, "VND", 300, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
                    AnalyticsCalendar.StartOf(firstDay).AddDays(-5)));
            }
        }
        for (var d = 0; d < days; d++)
        {
            foreach (var shop in Shops)
            {
                var dayStart = AnalyticsCalendar.StartOf(firstDay.AddDays(d));
                for (var n = _random.Next(0, 4); n > 0; n--)
                    Order(shop, dayStart.AddMinutes(_random.Next(0, 24 * 60)));
                Behaviour(shop, dayStart);
            }
        }
    }

    public DateOnly FirstDay { get; }

    public int Days { get; }

    public List<ShopSnapshot> Shops { get; } = [];

    public List<Guid> Buyers { get; }

    public List<Guid> Categories { get; }

    public List<(Guid Shop, Guid Product, Guid Category, decimal Price)> Products { get; } = [];

    public List<SimulatedOrder> Orders { get; } = [];

    public List<ProductView> Views { get; } = [];

    public List<CartItemAdded> CartAdds { get; } = [];

    /// <summary>Successful and failed payments: (gateway, method, succeeded, when).</summary>
    public List<(string Gateway, string Method, bool Succeeded, DateTimeOffset At)> Payments { get; } = [];

    /// <summary>
    /// The events in a shuffled order (so later events often arrive first), with about one in eight delivered a second
    /// time under the same message id.
    /// </summary>
    public IReadOnlyList<(IIntegrationEvent Message, Guid MessageId)> ShuffledWithRedeliveries()
    {
        var list = _events.Select(e => (e.Message, e.MessageId)).ToList();
        list.AddRange(_events.Where(_ => _random.Next(8) == 0).Select(e => (e.Message, e.MessageId)).ToList());
        return list.OrderBy(_ => _random.Next()).ToList();
    }

    /// <summary>An order placed at a moment the test chooses (e.g. a minute before local midnight), delivered and paid cash.</summary>
    public SimulatedOrder OrderAt(ShopSnapshot shop, DateTimeOffset placedAt) => Order(shop, placedAt, plain: true);

    private SimulatedOrder Order(ShopSnapshot shop, DateTimeOffset placedAt, bool plain = false)
    {
        var products = Products.Where(p => p.Shop == shop.ShopId).OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).ToList();
        var lines = products.Select(p =>
        {
            var quantity = _random.Next(1, 4);
            return new OrderLineSnapshot(p.Product, null, "x", null, null, quantity, p.Price, p.Price * quantity, 300);
        }).ToList();
        var subtotal = lines.Sum(l => l.LineTotal);
        var discount = _random.Next(4) == 0 ? 10_000m : 0m;
        var method = plain ? "COD" : new[] { "COD", "CARD", "E_WALLET" }[_random.Next(3)];
        var city = new[] { "Hà Nội", "Đà Nẵng", "TP. Hồ Chí Minh" }[_random.Next(3)];
        var snapshot = new OrderSnapshot(Guid.CreateVersion7(), Guid.CreateVersion7(), "N", Buyers[_random.Next(Buyers.Count)], shop.ShopId,
            shop.OwnerId, "PENDING", method, lines, subtotal, 20_000m, 0m, discount, subtotal + 20_000m - discount, "VND", [], 300,
            10.77, 106.70, new OrderAddressSnapshot("A", "0900000000", "1", null, null, "Q1", city, "VN", null, null), placedAt);
        var order = new SimulatedOrder { Snapshot = snapshot };
        Orders.Add(order);
        var actor = new OrderActor("SELLER", shop.OwnerId, null);
        var at = placedAt;
        Add(new OrderPlaced(With(order, method == "COD" ? "PENDING" : "PENDING_PAYMENT"), at));
        var paymentId = Guid.CreateVersion7();
        var gateway = method == "CARD" ? "STRIPE" : "MOMO";
        if (method != "COD")
        {
            if (!plain && _random.Next(10) == 0)
            {
                Add(new PaymentFailed(paymentId, null, [snapshot.OrderId], "DECLINED", at.AddMinutes(3), method, gateway));
                Payments.Add((gateway, method, false, at.AddMinutes(3)));
                Cancel(order, actor, at.AddMinutes(4));
                return order;
            }
            Add(new PaymentSucceeded(paymentId, null, [snapshot.OrderId], snapshot.Total, "VND", method, gateway, at.AddMinutes(2)));
            Payments.Add((gateway, method, true, at.AddMinutes(2)));
        }
        if (!plain && _random.Next(8) == 0)
        {
            Cancel(order, actor, at.AddMinutes(20));
            if (method != "COD")
            {
                // Cancelled after payment: the whole payment goes back.
                Add(new RefundCompleted(Guid.CreateVersion7(), paymentId, snapshot.OrderId, snapshot.Total, "VND", at.AddMinutes(25)));
                order.Refunded += snapshot.Total;
            }
            return order;
        }
        order.ConfirmedAt = at = at.AddMinutes(_random.Next(5, 300));
        Add(new OrderConfirmed(With(order, "CONFIRMED"), actor, at));
        var shipment = new ShipmentSnapshot(Guid.CreateVersion7(), snapshot.OrderId, shop.ShopId, snapshot.BuyerId, "T", "AWAITING_ASSIGNMENT", null,
            method == "COD" ? snapshot.Total : 0, "VND");
        order.HasShipment = true;
        Add(new ShipmentCreated(shipment, at));
        var shipper = Guid.CreateVersion7();
        order.ShippedAt = at = at.AddMinutes(_random.Next(30, 600));
        Add(new ShipmentPickedUp(shipment with { Status = "PICKED_UP" }, shipper, at));
        Add(new OrderShipped(With(order, "SHIPPED"), new OrderActor("SHIPPER", shipper, null), at));
        if (!plain && _random.Next(5) == 0)
        {
            order.FailedAttempt = true;
            Add(new ShipmentFailed(shipment with { Status = "FAILED_DELIVERY" }, shipper, "NO_ONE_HOME", false, at.AddHours(3)));
        }
        order.DeliveredAt = at = at.AddMinutes(_random.Next(300, 3000));
        Add(new ShipmentDelivered(shipment with { Status = "DELIVERED" }, shipper, "A", null, at));
        Add(new OrderDelivered(With(order, "DELIVERED"), new OrderActor("SHIPPER", shipper, null), at));
        if (!plain && _random.Next(5) == 0)
        {
            // A partial return: one unit of the first line.
            var line = lines[0];
            var returned = new ReturnSnapshot(Guid.CreateVersion7(), snapshot.OrderId, snapshot.BuyerId, shop.ShopId, shop.OwnerId, "REQUESTED", "Lỗi",
                [new ReturnLineSnapshot(Guid.CreateVersion7(), line.ProductId, null, "x", null, 1, line.UnitPrice, 300)], line.UnitPrice, "VND", false, 300,
                snapshot.DeliveryAddress, 10.77, 106.70, at.AddHours(5));
            var buyer = new OrderActor("BUYER", snapshot.BuyerId, null);
            Add(new ReturnRequested(With(order, "DELIVERED"), buyer, at.AddHours(5), returned));
            var rejected = _random.Next(3) == 0;
            if (rejected)
            {
                Add(new ReturnRejected(With(order, "DELIVERED"), returned with { Status = "REJECTED" }, actor, at.AddHours(8)));
            }
            else
            {
                order.AcceptedReturn = true;
                Add(new ReturnApproved(With(order, "DELIVERED"), actor, at.AddHours(8), returned with { Status = "APPROVED" }));
                Add(new ReturnReceived(With(order, "DELIVERED"), returned with { Status = "RECEIVED" }, at.AddHours(30)));
                Add(new RefundCompleted(Guid.CreateVersion7(), paymentId, snapshot.OrderId, line.UnitPrice, "VND", at.AddHours(31), returned.ReturnId));
                order.Refunded += line.UnitPrice;
            }
            return order;
        }
        at = at.AddDays(3);
        Add(new OrderCompleted(With(order, "COMPLETED"), new OrderActor("SYSTEM", null, null), at));
        order.Completed = true;
        order.Commission = Math.Round((subtotal - discount) * 0.05m, 0);
        Add(new EscrowReleased(Guid.CreateVersion7(), paymentId, snapshot.OrderId, shop.ShopId, snapshot.Total, order.Commission, "VND", "CONFIRMED", at));
        return order;
    }

    private void Cancel(SimulatedOrder order, OrderActor actor, DateTimeOffset at)
    {
        order.Cancelled = true;
        Add(new OrderCancelled(With(order, "CANCELLED"), actor, "PENDING", at));
    }

    private void Behaviour(ShopSnapshot shop, DateTimeOffset dayStart)
    {
        var views = new List<ProductView>();
        foreach (var _ in Enumerable.Range(0, _random.Next(0, 8)))
        {
            var product = Products.Where(p => p.Shop == shop.ShopId).ElementAt(_random.Next(5));
            var buyer = _random.Next(3) == 0 ? (Guid?)null : Buyers[_random.Next(Buyers.Count)];
            var view = new ProductView(Guid.CreateVersion7(), product.Product, shop.ShopId, buyer, buyer is null ? $"visitor-{_random.Next(5)}" : null,
                dayStart.AddMinutes(_random.Next(0, 24 * 60)));
            views.Add(view);
            if (buyer is { } id && _random.Next(3) == 0)
            {
                var added = new CartItemAdded(id, product.Product, null, shop.ShopId, _random.Next(1, 3), view.ViewedAt.AddMinutes(1));
                CartAdds.Add(added);
                Add(added);
            }
        }
        if (views.Count == 0)
            return;
        Views.AddRange(views);
        // Search sends views in batches; one batch is sent again under a new message id, as a retried publish would.
        var batch = new ProductViewsRecorded(views, dayStart.AddDays(1));
        Add(batch);
        if (_random.Next(4) == 0)
            Add(batch);
    }

    private static OrderSnapshot With(SimulatedOrder order, string status) => order.Snapshot with { Status = status };

    private void Add(IIntegrationEvent message) => _events.Add((message, Guid.NewGuid(), message.OccurredAt));
}
