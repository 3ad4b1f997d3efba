using GoShop.Catalog.Domain;
using GoShop.Catalog.Inventory;
using GoShop.Catalog.Tests.Support;
using GoShop.Contracts.Catalog;
using GoShop.Contracts.Ordering;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Catalog.Tests;

/// <summary>
/// An order's stock follows ordering's events, delivered through RabbitMQ: placed keeps the hold past its expiry,
/// cancelled puts the stock back on sale, delivered sells it, a return received at the shop puts its units back. A
/// replayed event changes nothing.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class OrderStockTests(CatalogApp app)
{
    [Fact]
    public async Task A_placed_order_keeps_its_stock_past_the_hold_and_delivery_sells_it()
    {
        var (productId, order) = await PlaceAsync(stock: 5, quantity: 2);

        await PublishAsync(new OrderPlaced(order, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await ReservationAsync(order.OrderId)).ExpiresAt is null, "OrderPlaced to keep the hold");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.Service<ReservationSweeper>().SweepOnceAsync(default);

        var kept = await ReservationAsync(order.OrderId);
        Assert.Equal(ReservationStatuses.Held, kept.Status);
        Assert.Equal(3, (await app.ProductAsync(productId.ToString())).Number("inventory.available"));

        await PublishAsync(new OrderDelivered(order with { Status = "DELIVERED" }, new OrderActor("SHIPPER", null, null), DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await ReservationAsync(order.OrderId)).Status == ReservationStatuses.Committed, "OrderDelivered to sell the stock");
        await PublishAsync(new OrderDelivered(order with { Status = "DELIVERED" }, new OrderActor("SHIPPER", null, null), DateTimeOffset.UtcNow));

        var product = await app.ProductAsync(productId.ToString());
        Assert.Equal(3, product.Number("inventory.onHand"));
        Assert.Equal(0, product.Number("inventory.reserved"));
        Assert.Equal(2, product.GetProperty("soldCount").GetInt32());
        Assert.Equal((3, 0), await app.LedgerAgreesAsync(productId.ToString()));
    }

    [Fact]
    public async Task A_cancelled_order_puts_its_stock_back_on_sale_once()
    {
        var (productId, order) = await PlaceAsync(stock: 4, quantity: 4);
        await PublishAsync(new OrderPlaced(order, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await ReservationAsync(order.OrderId)).ExpiresAt is null, "OrderPlaced to keep the hold");
        Assert.Equal("OUT_OF_STOCK", (await app.ProductAsync(productId.ToString())).Text("status"));

        var cancelled = new OrderCancelled(order with { Status = "CANCELLED" }, TestOrders.System("PAYMENT_TIMEOUT"), "PENDING_PAYMENT", DateTimeOffset.UtcNow);
        await PublishAsync(cancelled);
        await PublishAsync(cancelled);
        await Eventually.HoldsAsync(async () => (await ReservationAsync(order.OrderId)).Status == ReservationStatuses.Released, "OrderCancelled to release the stock");

        var product = await app.ProductAsync(productId.ToString());
        Assert.Equal(4, product.Number("inventory.available"));
        Assert.Equal("ACTIVE", product.Text("status"));
        Assert.Equal((4, 0), await app.LedgerAgreesAsync(productId.ToString()));
    }

    [Fact]
    public async Task An_order_placed_after_its_hold_ran_out_does_not_take_stock_someone_else_holds_now()
    {
        var (productId, order) = await PlaceAsync(stock: 1, quantity: 1, holdSeconds: 30);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var other = await app.Reservations().ReserveAsync(new ReserveStockRequest(Guid.CreateVersion7(), [new StockLine(productId, null, 1)], 900), default);

        await PublishAsync(new OrderPlaced(order, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await ReservationAsync(order.OrderId)).Status == ReservationStatuses.Expired, "the lapsed hold to be released");

        Assert.Equal(ReservationStatuses.Held, other.Status);
        Assert.Equal((1, 1), await app.LedgerAgreesAsync(productId.ToString()));
    }

    [Fact]
    public async Task A_received_return_puts_its_units_back_on_hand_as_one_RETURN_movement_however_often_it_arrives()
    {
        var (productId, order) = await PlaceAsync(stock: 5, quantity: 3);
        await DeliverAsync(order);
        var returned = ReturnOf(order, (productId, 2));
        var received = new ReturnReceived(order with { Status = "RETURNED" }, returned, DateTimeOffset.UtcNow);

        var first = Guid.NewGuid();
        var again = Guid.NewGuid();
        await PublishAsync(received, first);
        await PublishAsync(received, first);
        await PublishAsync(received, again);
        await WaitForInboxAsync(first);
        await WaitForInboxAsync(again);

        var product = await app.ProductAsync(productId.ToString());
        Assert.Equal((4, 4), (product.Number("inventory.onHand"), product.Number("inventory.available")));
        Assert.Equal(1, product.GetProperty("soldCount").GetInt32());
        Assert.Equal((4, 0), await app.LedgerAgreesAsync(productId.ToString()));
        var movement = Assert.Single(await app.InDatabaseAsync(db => db.InventoryMovements.AsNoTracking()
            .Where(m => m.ProductId == productId && m.Kind == MovementKind.Return).ToListAsync()));
        Assert.Equal((2, 2, 0, order.OrderId, returned.ReturnId), (movement.Quantity, movement.OnHandDelta, movement.ReservedDelta, movement.OrderId, movement.ReturnId));
        Assert.Contains("Returned", movement.Reason);
        Assert.Contains(order.Number, movement.Reason);
        var listed = (await app.Admin().Client.SendAsync(Operations.Movements, new { id = productId.ToString() })).EnsureNoErrors()
            .Get("product.inventory.movements.edges").EnumerateArray().Select(e => e.GetProperty("node")).Where(n => n.Text("kind") == "RETURN").ToList();
        Assert.Equal(order.OrderId.ToString(), Assert.Single(listed).Text("orderId"));
        var announced = (await app.OutboxAsync("StockChanged")).Where(e => e.GetProperty("productId").GetGuid() == productId && e.Text("movementKind") == "RETURN").ToList();
        Assert.Equal(4, Assert.Single(announced).GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task A_returned_line_of_a_product_deleted_since_is_skipped_and_the_others_go_back()
    {
        var (keptId, order) = await PlaceAsync(stock: 3, quantity: 1);
        await DeliverAsync(order);
        var seller = await app.SellerAsync();
        var goneId = await seller.CreateProductIdAsync(("initialStock", 1));
        (await seller.Client.MutateAsync(Operations.DeleteProduct, new { input = new { productId = goneId } })).Succeeded();
        var returned = ReturnOf(order, (keptId, 1), (Guid.Parse(goneId), 1));

        var received = Guid.NewGuid();
        await PublishAsync(new ReturnReceived(order with { Status = "RETURNED" }, returned, DateTimeOffset.UtcNow), received);
        await WaitForInboxAsync(received);

        Assert.Equal((3, 0), await app.LedgerAgreesAsync(keptId.ToString()));
        Assert.Empty(await app.InDatabaseAsync(db => db.InventoryMovements.AsNoTracking()
            .Where(m => m.ProductId == Guid.Parse(goneId) && m.Kind == MovementKind.Return).ToListAsync()));
    }

    private async Task DeliverAsync(OrderSnapshot order)
    {
        await PublishAsync(new OrderDelivered(order with { Status = "DELIVERED" }, new OrderActor("SHIPPER", null, null), DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await ReservationAsync(order.OrderId)).Status == ReservationStatuses.Committed, "OrderDelivered to sell the stock");
    }

    /// <summary>A return of some units of the order's products, as ordering's ReturnReceived carries it.</summary>
    private static ReturnSnapshot ReturnOf(OrderSnapshot order, params (Guid ProductId, int Quantity)[] lines) =>
        new(Guid.CreateVersion7(), order.OrderId, order.BuyerId, order.ShopId, order.SellerId, "RECEIVED", "Không vừa",
            lines.Select(l => new ReturnLineSnapshot(Guid.CreateVersion7(), l.ProductId, null, "Product", null, l.Quantity, 100_000m * l.Quantity, 500 * l.Quantity)).ToList(),
            lines.Sum(l => 100_000m * l.Quantity), order.Currency, false, lines.Sum(l => 500 * l.Quantity), order.DeliveryAddress, order.ShopLatitude,
            order.ShopLongitude, DateTimeOffset.UtcNow);

    private Task PublishAsync<T>(T message, Guid messageId) where T : class => app.Service<IBus>().Publish(message, context => context.MessageId = messageId);

    /// <summary>Waits until a message was handled (its id is in the inbox).</summary>
    private Task WaitForInboxAsync(Guid messageId) =>
        Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId)), $"message {messageId} to be handled");

    /// <summary>Lists a product and reserves part of it under a new order's id, as ordering does while placing the order.</summary>
    private async Task<(Guid ProductId, OrderSnapshot Order)> PlaceAsync(int stock, int quantity, int holdSeconds = 600)
    {
        await app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var seller = await app.SellerAsync();
        var productId = Guid.Parse(await seller.CreateProductIdAsync(("initialStock", stock)));
        var order = TestOrders.Snapshot(Guid.CreateVersion7(), seller.ShopId, (productId, null, quantity));
        var outcome = await app.Reservations().ReserveAsync(
            new ReserveStockRequest(order.OrderId, [new StockLine(productId, null, quantity)], holdSeconds), default);
        Assert.Equal(ReservationStatuses.Held, outcome.Status);
        return (productId, order);
    }

    private Task PublishAsync<T>(T message) where T : class => app.Service<IBus>().Publish(message);

    private async Task<ReservationOutcome> ReservationAsync(Guid orderId) =>
        (await app.Reservations().FindAsync(orderId, default))!;
}
