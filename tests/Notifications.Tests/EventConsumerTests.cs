using GoShop.Contracts.Catalog;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Payments;
using GoShop.Contracts.Reviews;
using GoShop.Contracts.Search;
using GoShop.Contracts.Shipping;
using GoShop.Contracts.Shops;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests;

/// <summary>
/// The events of the other subgraphs, delivered through RabbitMQ: who is told what, in their language, and never twice
/// however often an event arrives.
/// </summary>
public sealed class EventConsumerTests(NotificationsApp app) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task A_placed_order_tells_the_buyer_and_the_seller_once_however_often_it_arrives()
    {
        var buyer = await app.RegisteredAsync("Trần Thị Bích");
        var seller = await app.RegisteredAsync();
        var order = Scenarios.Order(buyer, seller);
        var placed = new OrderPlaced(order, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await app.DeliverAsync(placed, messageId);
        await app.PublishAsync(placed, messageId);
        await app.DeliverAsync(placed);

        var buyers = (await app.NotificationsOfAsync(buyer.Id)).Where(n => n.Kind == "ORDER_PLACED").ToList();
        var sellers = (await app.NotificationsOfAsync(seller.Id)).Where(n => n.Kind == "NEW_ORDER").ToList();
        Assert.Single(buyers);
        Assert.Single(sellers);
        Assert.Equal($"Đã đặt đơn hàng {order.Number}", buyers[0].Title);
        Assert.StartsWith("Chào Trần Thị Bích, GoShop đã nhận đơn hàng", buyers[0].Body);
        Assert.Contains("220,000 VND", buyers[0].Body);
        Assert.Equal(($"/orders/{order.OrderId}", NotificationCategory.Orders), (buyers[0].Link, buyers[0].Category));
        Assert.Equal((NotificationCategory.Selling, $"/seller/orders/{order.OrderId}"), (sellers[0].Category, sellers[0].Link));
        Assert.Equal(1, await app.InDatabaseAsync(db => db.Deliveries.CountAsync(d => d.NotificationId == buyers[0].Id)));
    }

    [Fact]
    public async Task The_order_s_progress_reaches_the_buyer_and_cancellations_and_returns_the_other_side()
    {
        var buyer = await app.RegisteredAsync();
        var seller = await app.RegisteredAsync();
        var order = Scenarios.Order(buyer, seller);
        var sellerActs = new OrderActor("SELLER", seller.Id, null);
        var now = DateTimeOffset.UtcNow;

        await app.DeliverAsync(new OrderConfirmed(order, sellerActs, now));
        await app.DeliverAsync(new OrderShipped(order, sellerActs, now.AddSeconds(1)));
        await app.DeliverAsync(new OrderDelivered(order, TestOrders.System(), now.AddSeconds(2)));
        await app.DeliverAsync(new ReturnRequested(order, new OrderActor("BUYER", buyer.Id, "Hàng bị vỡ"), now.AddSeconds(3)));
        await app.DeliverAsync(new ReturnApproved(order, sellerActs, now.AddSeconds(4)));
        var other = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderCancelled(other, new OrderActor("BUYER", buyer.Id, "Đổi ý"), "PENDING", now.AddSeconds(5)));

        Assert.Equal(["ORDER_CONFIRMED", "ORDER_SHIPPED", "ORDER_DELIVERED", "RETURN_APPROVED"], await app.KindsOfAsync(buyer.Id));
        Assert.Equal(["RETURN_REQUESTED", "SHOP_ORDER_CANCELLED"], await app.KindsOfAsync(seller.Id));
        var cancelled = (await app.NotificationsOfAsync(seller.Id))[0];
        Assert.Contains("Lý do: Đổi ý.", cancelled.Body);
        Assert.Contains("Hàng bị vỡ", (await app.NotificationsOfAsync(seller.Id))[1].Body);
    }

    [Fact]
    public async Task Payments_name_orders_and_notifications_finds_their_buyer_and_seller()
    {
        var buyer = await app.RegisteredAsync();
        var seller = await app.RegisteredAsync();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderPlaced(order, DateTimeOffset.UtcNow));
        var now = DateTimeOffset.UtcNow;

        await app.DeliverAsync(new PaymentSucceeded(Guid.NewGuid(), order.CheckoutId, [order.OrderId], 220_000m, "VND", "CARD", "sandbox", now));
        await app.DeliverAsync(new PaymentFailed(Guid.NewGuid(), order.CheckoutId, [order.OrderId], "card_declined", now));
        await app.DeliverAsync(new RefundCompleted(Guid.NewGuid(), Guid.NewGuid(), order.OrderId, 220_000m, "VND", now));
        await app.DeliverAsync(new EscrowReleased(Guid.NewGuid(), Guid.NewGuid(), order.OrderId, order.ShopId, 220_000m, 11_000m, "VND", "BUYER_CONFIRMED", now));
        await app.DeliverAsync(new PaymentSucceeded(Guid.NewGuid(), null, [Guid.NewGuid()], 1m, "VND", "CARD", "sandbox", now));

        Assert.Equal(["ORDER_PLACED", "PAYMENT_SUCCEEDED", "PAYMENT_FAILED", "REFUND_COMPLETED"], await app.KindsOfAsync(buyer.Id));
        Assert.Equal(["NEW_ORDER", "ESCROW_RELEASED"], await app.KindsOfAsync(seller.Id));
        Assert.Contains("209,000 VND", (await app.NotificationsOfAsync(seller.Id))[0].Body);
        Assert.Contains("card_declined", (await app.NotificationsOfAsync(buyer.Id))[1].Body);
    }

    [Fact]
    public async Task The_buyer_follows_the_delivery_and_a_shipper_hears_of_offers_while_return_shipments_stay_quiet()
    {
        var buyer = await app.RegisteredAsync();
        var seller = await app.RegisteredAsync();
        var shipper = await app.RegisteredAsync();
        var order = Scenarios.Order(buyer, seller);
        await app.DeliverAsync(new OrderConfirmed(order, new OrderActor("SELLER", seller.Id, null), DateTimeOffset.UtcNow));
        var shipment = new ShipmentSnapshot(Guid.NewGuid(), order.OrderId, order.ShopId, buyer.Id, "GSX123456ABCDEFGH", "ASSIGNED", shipper.Id, 0m, "VND");
        var now = DateTimeOffset.UtcNow;

        await app.DeliverAsync(new ShipmentOffered(shipment, Guid.NewGuid(), shipper.Id, now.AddSeconds(60), now));
        await app.DeliverAsync(new ShipmentAssigned(shipment, shipper.Id, now.AddSeconds(1)));
        await app.DeliverAsync(new ShipmentPickedUp(shipment, shipper.Id, now.AddSeconds(2)));
        await app.DeliverAsync(new ShipmentFailed(shipment, shipper.Id, "Không liên lạc được", false, now.AddSeconds(3)));
        await app.DeliverAsync(new ShipmentDelivered(shipment, shipper.Id, "An", null, now.AddSeconds(4)));
        var returning = shipment with { ShipmentId = Guid.NewGuid(), Kind = ShipmentKinds.Return };
        await app.DeliverAsync(new ShipmentPickedUp(returning, shipper.Id, now.AddSeconds(5)));

        Assert.Equal(["ORDER_CONFIRMED", "SHIPMENT_ASSIGNED", "SHIPMENT_PICKED_UP", "DELIVERY_FAILED", "SHIPMENT_DELIVERED"], await app.KindsOfAsync(buyer.Id));
        Assert.Equal(["SHIPMENT_OFFERED"], (await app.KindsOfAsync(shipper.Id)).Where(k => k != "WELCOME"));
        var failed = (await app.NotificationsOfAsync(buyer.Id))[1];
        Assert.Equal($"Giao đơn {order.Number} không thành công", failed.Title);
        Assert.Contains("Không liên lạc được", failed.Body);
    }

    [Fact]
    public async Task Price_alerts_reviews_and_low_stock_reach_the_buyer_the_review_s_author_and_the_shop_s_owner()
    {
        var buyer = await app.RegisteredAsync();
        var owner = await app.RegisteredAsync();
        var shopId = Guid.CreateVersion7();
        var productId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await app.DeliverAsync(new ShopCreated(new ShopSnapshot(shopId, owner.Id, "Shop Bích", "shop-bich", "ACTIVE", 10.77, 106.70, "HCM", []), now));

        await app.DeliverAsync(new PriceAlertTriggered(Guid.NewGuid(), buyer.Id, productId, shopId, "Áo thun", 150_000m, 139_000m, "VND",
            PriceAlertReasons.PriceReached, now));
        await app.DeliverAsync(new ReviewPosted(Guid.NewGuid(), ReviewSubjects.Product, Guid.NewGuid(), buyer.Id, shopId, productId, null, 4, "Tốt", now));
        var reviewId = Guid.NewGuid();
        await app.DeliverAsync(new ReviewReplied(reviewId, ReviewSubjects.Product, buyer.Id, shopId, productId, "Cảm ơn bạn!", false, now));
        await app.DeliverAsync(new LowStockReached(productId, null, shopId, "Áo thun", 2, 5, now));

        var toBuyer = await app.NotificationsOfAsync(buyer.Id);
        var toOwner = await app.NotificationsOfAsync(owner.Id);
        Assert.Equal(["WELCOME", "PRICE_ALERT", "REVIEW_REPLIED"], toBuyer.Select(n => n.Kind).Reverse());
        Assert.Equal(["WELCOME", "REVIEW_POSTED", "LOW_STOCK"], toOwner.Select(n => n.Kind).Reverse());
        Assert.Equal(("Áo thun đã giảm giá", $"/products/{productId}"), (toBuyer[1].Title, toBuyer[1].Link));
        Assert.Equal(("\"Cảm ơn bạn!\"", $"/reviews/{reviewId}"), (toBuyer[0].Body, toBuyer[0].Link));
        Assert.Equal("Một người mua đã đánh giá sản phẩm của bạn 4 sao: \"Tốt\".", toOwner[1].Body);
        Assert.Equal("Áo thun chỉ còn 2 sản phẩm (ngưỡng cảnh báo: 5). Hãy nhập thêm hàng.", toOwner[0].Body);
    }

    [Fact]
    public async Task A_registered_user_is_welcomed_and_a_deleted_one_is_forgotten()
    {
        var person = await app.RegisteredAsync("Lê Văn Tám");
        var welcome = await app.AwaitAsync(person.Id, "WELCOME");
        Assert.Equal("Chào Lê Văn Tám, cảm ơn bạn đã tạo tài khoản GoShop. Chúc bạn mua sắm vui vẻ!", welcome.Body);
        await app.DeliverAsync(new UserProfileUpdated(person.Id, "Lê Văn Tám", "+84 901 234 567", DateTimeOffset.UtcNow));
        (await person.MutateAsync(Operations.UpdatePreferences, new { preferences = new[] { new { category = "PROMOTIONS", channel = "EMAIL", enabled = false } } }))
            .Succeeded();

        await app.DeliverAsync(new UserDeleted(person.Id, DateTimeOffset.UtcNow));

        Assert.Empty(await app.NotificationsOfAsync(person.Id));
        Assert.False(await app.InDatabaseAsync(db => db.Recipients.AnyAsync(r => r.UserId == person.Id)));
        Assert.False(await app.InDatabaseAsync(db => db.Preferences.AnyAsync(p => p.UserId == person.Id)));
        Assert.False(await app.InDatabaseAsync(db => db.Deliveries.AnyAsync(d => d.UserId == person.Id)));
    }
}
