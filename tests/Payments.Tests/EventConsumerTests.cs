using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Contracts.Shipping;
using GoShop.Payments.Domain;
using GoShop.Payments.Events;
using GoShop.Payments.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Tests;

/// <summary>
/// Ordering's and shipping's events, delivered through RabbitMQ, move money: cash-on-delivery payments appear and are
/// collected, cancelled or returned orders are refunded (RefundCompleted), and a payment that arrives for an order
/// already cancelled is refunded by itself.
/// </summary>
public sealed class EventConsumerTests(PaymentsApp app) : IClassFixture<PaymentsApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_cod_order_gets_one_payment_that_the_shippers_collection_captures_and_an_admin_settles()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "COD", 135_000m);
        var shipperId = Guid.CreateVersion7();
        var placed = new OrderPlaced(order, app.Clock.GetUtcNow());

        await app.PublishAndWaitAsync(placed);
        await app.PublishAndWaitAsync(placed);
        var payment = await app.InDatabaseAsync(db => db.WithLedger().AsNoTracking().SingleAsync(p => p.BuyerId == buyer.Id));
        Assert.Equal((PaymentStatus.AwaitingCollection, 135_000m), (payment.Status, payment.Amount));

        var collected = new CodCollected(Guid.CreateVersion7(), order.OrderId, shipperId, 135_000m, "VND", app.Clock.GetUtcNow());
        await app.PublishAndWaitAsync(collected);
        await app.PublishAndWaitAsync(collected with { ShipmentId = Guid.CreateVersion7() });

        payment = await app.PaymentAsync(payment.Id);
        Assert.Equal((PaymentStatus.Captured, 1), (payment.Status, payment.Transactions.Count));
        Assert.Equal(collected.ShipmentId.ToString("N"), payment.Transactions[0].ProviderReference);
        Assert.Equal(EscrowStatus.Held, (await app.EscrowAsync(order.OrderId))!.Status);
        var debt = await app.InDatabaseAsync(db => db.CodDebts.AsNoTracking().SingleAsync(d => d.OrderId == order.OrderId));
        Assert.Equal((shipperId, 135_000m, (DateTimeOffset?)null), (debt.ShipperId, debt.Amount, debt.SettledAt));

        var settled = (await app.Admin().Client.MutateAsync(Operations.RecordCodSettlement, new { input = new { shipperId } })).Succeeded();
        Assert.Equal((1, 135_000m), (settled.GetProperty("settledCount").GetInt32(), settled.GetProperty("settledAmount").Amount()));
        Assert.Equal(["NOTHING_TO_SETTLE"], (await app.Admin().Client.MutateAsync(Operations.RecordCodSettlement, new { input = new { shipperId } })).Codes());
        var asShipper = await app.SignIn(Roles.Shipper).Client.SendAsync(Operations.RecordCodSettlement, new { input = new { shipperId } });
        Assert.Contains("FORBIDDEN", asShipper.ErrorCodes);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_and_releases_nothing_to_the_shop()
    {
        var paid = await app.PaidAsync(total: 180_000m);

        await app.PublishAndWaitAsync(new OrderCancelled(app.Orders.Move(paid.Order.OrderId, "CANCELLED"), new OrderActor("BUYER", paid.Buyer.Id, "Đổi ý"),
            "PENDING", app.Clock.GetUtcNow()));
        await app.SweepAsync();

        var payment = await app.PaymentAsync(paid.PaymentId);
        Assert.Equal((PaymentStatus.Refunded, 180_000m), (payment.Status, payment.Refunded));
        Assert.Equal(EscrowStatus.Refunded, (await app.EscrowAsync(paid.Order.OrderId))!.Status);
        var refund = await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.PaymentId == paid.PaymentId));
        Assert.Equal((RefundStatus.Succeeded, OrderCancelledHandler.Reason), (refund.Status, refund.Reason));
        Assert.Single(await app.EventsAsync(typeof(RefundCompleted)), e => e.GetProperty("orderId").GetGuid() == paid.Order.OrderId);
        Assert.False(await app.InDatabaseAsync(db => db.ShopLedger.AnyAsync(e => e.OrderId == paid.Order.OrderId)));
    }

    [Fact]
    public async Task Cancelling_two_orders_of_one_checkout_payment_refunds_each_its_own_share()
    {
        var buyer = app.SignIn();
        var checkoutId = Guid.CreateVersion7();
        var first = app.Orders.Place(buyer.Id, "CARD", 100_000m, checkoutId: checkoutId);
        var second = app.Orders.Place(buyer.Id, "CARD", 60_000m, checkoutId: checkoutId);
        var started = (await buyer.StartAsync(new { checkoutId, method = "CARD", gateway = "VNPAY" })).Succeeded();
        var paymentId = started.GetProperty("payment").Id();
        (await app.PayInSandboxAsync(started.GetProperty("redirectUrl").GetString()!)).EnsureSuccessOrRedirect();
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(paymentId)).Status == PaymentStatus.Captured, "the checkout's payment to be captured");

        foreach (var order in new[] { first, second })
        {
            await app.PublishAndWaitAsync(new OrderCancelled(app.Orders.Move(order.OrderId, "CANCELLED"), new OrderActor("BUYER", buyer.Id, "Đổi ý"),
                "PENDING", app.Clock.GetUtcNow()));
        }
        await app.SweepAsync();

        var refunds = await app.InDatabaseAsync(db => db.Refunds.AsNoTracking().Where(r => r.PaymentId == paymentId).ToListAsync());
        Assert.Equal([(first.OrderId, 100_000m), (second.OrderId, 60_000m)],
            refunds.OrderBy(r => r.Amount, Comparer<decimal>.Create((a, b) => b.CompareTo(a))).Select(r => (r.OrderId, r.Amount)));
        Assert.All(refunds, r => Assert.Equal(RefundStatus.Succeeded, r.Status));
        Assert.Equal((PaymentStatus.Refunded, 160_000m), ((await app.PaymentAsync(paymentId)).Status, (await app.PaymentAsync(paymentId)).Refunded));
    }

    [Fact]
    public async Task A_payment_that_succeeds_after_ordering_cancelled_the_unpaid_order_is_refunded_by_itself()
    {
        var started = await app.StartPaymentAsync(total: 99_000m);
        await app.PublishAndWaitAsync(new OrderCancelled(app.Orders.Move(started.Order.OrderId, "CANCELLED"), TestOrders.System("PAYMENT_TIMEOUT"),
            "PENDING_PAYMENT", app.Clock.GetUtcNow()));

        (await app.PayInSandboxAsync(started.RedirectUrl!)).EnsureSuccessOrRedirect();
        await app.SweepAsync();

        var payment = await app.PaymentAsync(started.PaymentId);
        Assert.Equal([TransactionKind.Capture, TransactionKind.Refund], payment.Transactions.OrderBy(t => t.Sequence).Select(t => t.Kind));
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Null(await app.EscrowAsync(started.Order.OrderId));
        Assert.Single(await app.EventsAsync(typeof(RefundCompleted)), e => e.GetProperty("orderId").GetGuid() == started.Order.OrderId);
    }

    [Fact]
    public async Task A_second_payment_of_an_already_paid_order_is_refunded_by_itself()
    {
        var first = await app.StartPaymentAsync();
        var second = (await first.Buyer.StartAsync(new { orderId = first.Order.OrderId, method = "CARD", gateway = "STRIPE" })).Succeeded();

        (await app.PayInSandboxAsync(first.RedirectUrl!)).EnsureSuccessOrRedirect();
        (await app.PayInSandboxAsync(second.Text("redirectUrl"))).EnsureSuccessOrRedirect();
        var secondId = second.GetProperty("payment").Id();
        await Eventually.HoldsAsync(async () => (await app.PaymentAsync(secondId)).Captured > 0, "the second payment to be captured");
        await app.SweepAsync();

        Assert.Equal(PaymentStatus.Captured, (await app.PaymentAsync(first.PaymentId)).Status);
        Assert.Equal(PaymentStatus.Refunded, (await app.PaymentAsync(secondId)).Status);
        Assert.Equal(first.PaymentId, (await app.EscrowAsync(first.Order.OrderId))!.PaymentId);
    }

    [Fact]
    public async Task A_legacy_approved_return_without_a_return_refunds_the_whole_order_once()
    {
        var paid = await app.PaidAsync(total: 75_000m);
        var approved = new ReturnApproved(app.Orders.Move(paid.Order.OrderId, "RETURNED"), new OrderActor("SELLER", Guid.NewGuid(), null), app.Clock.GetUtcNow());

        await app.PublishAndWaitAsync(approved);
        await app.PublishAndWaitAsync(approved);
        await app.SweepAsync();

        Assert.Equal(PaymentStatus.Refunded, (await app.PaymentAsync(paid.PaymentId)).Status);
        var completed = Assert.Single(await app.EventsAsync(typeof(RefundCompleted)), e => e.GetProperty("orderId").GetGuid() == paid.Order.OrderId);
        Assert.Equal(75_000m, completed.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Cancelling_an_uncollected_cod_order_cancels_its_payment_without_a_refund()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "COD");
        await app.PublishAndWaitAsync(new OrderPlaced(order, app.Clock.GetUtcNow()));

        await app.PublishAndWaitAsync(new OrderCancelled(app.Orders.Move(order.OrderId, "CANCELLED"), new OrderActor("BUYER", buyer.Id, null), "PENDING",
            app.Clock.GetUtcNow()));

        var payment = await app.InDatabaseAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.BuyerId == buyer.Id));
        Assert.Equal(PaymentStatus.Cancelled, payment.Status);
        Assert.False(await app.InDatabaseAsync(db => db.Refunds.AnyAsync(r => r.PaymentId == payment.Id)));
    }

    [Fact]
    public async Task Delivery_starts_the_release_clock_even_when_the_cash_is_collected_afterwards()
    {
        var buyer = app.SignIn();
        var order = app.Orders.Place(buyer.Id, "COD");
        await app.PublishAndWaitAsync(new OrderPlaced(order, app.Clock.GetUtcNow()));
        var deliveredAt = app.Clock.GetUtcNow();

        await app.PublishAndWaitAsync(new OrderDelivered(app.Orders.Move(order.OrderId, "DELIVERED"), new OrderActor("SHIPPER", Guid.NewGuid(), null), deliveredAt));
        await app.PublishAndWaitAsync(new CodCollected(Guid.NewGuid(), order.OrderId, Guid.NewGuid(), order.Total, "VND", deliveredAt));

        Assert.Equal(deliveredAt.AddDays(7), (await app.EscrowAsync(order.OrderId))!.ReleaseDueAt!.Value, TimeSpan.FromMilliseconds(1));
    }
}
