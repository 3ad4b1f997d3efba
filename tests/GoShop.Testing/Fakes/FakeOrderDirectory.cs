using System.Collections.Concurrent;
using GoShop.Contracts.Ordering;

namespace GoShop.Testing.Fakes;

/// <summary>
/// Ordering's <c>GET /internal/orders/{id}</c> and <c>GET /internal/checkouts/{id}/orders</c>, for the
/// <see cref="OrderDirectory"/> client: the orders as ordering has them now, which the test places and moves.
/// </summary>
public sealed class FakeOrderDirectory : FakeInternalService
{
    private readonly ConcurrentDictionary<Guid, OrderSnapshot> _orders = new();

    /// <summary>An order ordering placed (one shop, one line of <paramref name="total"/> minus 20,000 đ shipping), as it is now.</summary>
    public OrderSnapshot Place(Guid buyerId, string paymentMethod = "CARD", decimal total = 120_000m, Guid? checkoutId = null, Guid? shopId = null,
        Guid? sellerId = null)
    {
        var template = TestOrders.Snapshot(buyerId, shopId ?? Guid.CreateVersion7(), (Guid.CreateVersion7(), null, 1));
        var line = template.Lines[0] with { UnitPrice = total - 20_000m, LineTotal = total - 20_000m };
        var order = template with
        {
            CheckoutId = checkoutId ?? template.CheckoutId,
            SellerId = sellerId ?? template.SellerId,
            Status = paymentMethod == "COD" ? "PENDING" : "PENDING_PAYMENT",
            PaymentMethod = paymentMethod,
            Lines = [line],
            Subtotal = line.LineTotal,
            Total = total,
        };
        return _orders[order.OrderId] = order;
    }

    /// <summary>An order as ordering has it, exactly as the test wrote it.</summary>
    public OrderSnapshot Add(OrderSnapshot order) => _orders[order.OrderId] = order;

    /// <summary>Ordering moved the order (the test says to which status).</summary>
    public OrderSnapshot Move(Guid orderId, string status) => _orders[orderId] = _orders[orderId] with { Status = status };

    public OrderSnapshot this[Guid orderId] => _orders[orderId];

    protected override Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        if (!IsGet(request))
            return Task.FromResult(NotFound());
        var answer = segments switch
        {
            ["orders", var id] when Guid.TryParse(id, out var orderId) && _orders.TryGetValue(orderId, out var order) => Json(order),
            ["checkouts", var id, "orders"] when Guid.TryParse(id, out var checkoutId) && _orders.Values.Where(o => o.CheckoutId == checkoutId)
                .OrderBy(o => o.OrderId).ToList() is { Count: > 0 } orders => Json(orders),
            _ => NotFound(),
        };
        return Task.FromResult(answer);
    }
}
