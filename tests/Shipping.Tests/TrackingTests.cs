using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Tests;

/// <summary>Live tracking: location reports, who may follow a shipment, and what followers hear (at once, then live).</summary>
public sealed class TrackingTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    [Fact]
    public async Task The_buyer_hears_where_the_shipment_is_at_once_then_each_position_and_move_with_a_fresh_eta()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(1));
        var created = await app.ShipmentAsync(shop, dropoff: shop.Offset(4, 2));
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        await using var stream = await TrackingStream.OpenAsync(app, created.Buyer.Client.AccessToken, Operations.ShipmentTracking, new { orderId = created.Order.OrderId });

        var first = await stream.NextAsync("shipmentTracking");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await shipper.ReportAsync(shop)).Succeeded();
        var atShop = await stream.NextAsync("shipmentTracking");
        (await shipper.MoveAsync(created.ShipmentId, "PICKED_UP")).Succeeded();
        var pickedUp = await stream.NextAsync("shipmentTracking");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await shipper.ReportAsync(shop.Offset(3, 1.5))).Succeeded();
        var closer = await stream.NextAsync("shipmentTracking");

        Assert.Equal(("ASSIGNED", created.ShipmentId, created.Order.OrderId), (first.Text("status"), first.GetProperty("shipmentId").GetGuid(), first.GetProperty("orderId").GetGuid()));
        Assert.Equal(shop.Offset(1).Lat, first.Get("location.lat").GetDouble(), 6);
        Assert.Equal(("ASSIGNED", shop.Lat), (atShop.Text("status"), atShop.Get("location.lat").GetDouble()));
        Assert.True(first.GetProperty("etaMinutes").GetInt32() > atShop.GetProperty("etaMinutes").GetInt32(), "the ETA shrinks as the shipper nears the shop");
        Assert.Equal("PICKED_UP", pickedUp.Text("status"));
        Assert.Equal("PICKED_UP", closer.Text("status"));
        Assert.True(closer.GetProperty("etaMinutes").GetInt32() < pickedUp.GetProperty("etaMinutes").GetInt32(), "the ETA shrinks as the parcel nears the buyer");
        Assert.Equal(app.Clock.GetUtcNow(), closer.GetProperty("at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Only_the_buyer_the_shops_owner_the_assigned_shipper_and_admins_may_follow_a_shipment()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(1));
        var otherShipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere());
        var created = await app.ShipmentAsync(shop);
        var variables = new { orderId = created.Order.OrderId };
        await using (var beforeAssignment = await TrackingStream.OpenAsync(app, shipper.Client.AccessToken, Operations.ShipmentTracking, variables))
            Assert.Equal("FORBIDDEN", await beforeAssignment.RefusalAsync());
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();

        foreach (var follower in new[] { created.Buyer, created.Seller, shipper, app.Admin() })
        {
            await using var stream = await TrackingStream.OpenAsync(app, follower.Client.AccessToken, Operations.ShipmentTracking, variables);
            Assert.Equal("ASSIGNED", (await stream.NextAsync("shipmentTracking")).Text("status"));
        }
        foreach (var (token, code) in new[]
        {
            (app.SignIn().Client.AccessToken, "FORBIDDEN"),
            (otherShipper.Client.AccessToken, "FORBIDDEN"),
            (null, "UNAUTHENTICATED"),
        })
        {
            await using var refused = await TrackingStream.OpenAsync(app, token, Operations.ShipmentTracking, variables);
            Assert.Equal(code, await refused.RefusalAsync());
        }
        await using var unknown = await TrackingStream.OpenAsync(app, created.Buyer.Client.AccessToken, Operations.ShipmentTracking, new { orderId = Guid.CreateVersion7() });
        Assert.Equal("NOT_FOUND", await unknown.RefusalAsync());
    }

    [Fact]
    public async Task Tracking_opened_before_the_seller_confirms_stays_open_and_hears_the_shipment_once_it_exists()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(1));
        var (order, buyer, seller) = app.ConfirmedOrder(shop);
        app.Orders.Add(order with { Status = "PENDING" });
        await using var early = await TrackingStream.OpenAsync(app, buyer.Client.AccessToken, Operations.ShipmentTracking, new { orderId = order.OrderId });
        await using var sellers = await TrackingStream.OpenAsync(app, seller.Client.AccessToken, Operations.ShipmentTracking, new { orderId = order.OrderId });

        var shipment = await app.CreateAsync(order);
        var created = await early.NextAsync("shipmentTracking");
        (await shipper.AcceptAsync(shipment.Id)).Succeeded();
        var assigned = await early.NextAsync("shipmentTracking");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await shipper.ReportAsync(shop.Offset(0.5))).Succeeded();
        var moving = await early.NextAsync("shipmentTracking");

        Assert.Equal((shipment.Id, order.OrderId), (created.GetProperty("shipmentId").GetGuid(), created.GetProperty("orderId").GetGuid()));
        Assert.Equal("ASSIGNED", assigned.Text("status"));
        Assert.Equal(shop.Offset(0.5).Lat, moving.Get("location.lat").GetDouble(), 6);
        Assert.Equal(shipment.Id, (await sellers.NextAsync("shipmentTracking")).GetProperty("shipmentId").GetGuid());
    }

    [Fact]
    public async Task Before_the_shipment_exists_only_the_orders_buyer_its_seller_and_admins_may_follow_it_and_an_unknown_order_is_not_found()
    {
        var (order, _, _) = app.ConfirmedOrder(ShippingAppExtensions.Somewhere());
        app.Orders.Add(order with { Status = "PENDING" });
        var variables = new { orderId = order.OrderId };

        foreach (var (token, code) in new[]
        {
            (app.SignIn().Client.AccessToken, "FORBIDDEN"),
            ((await app.ShipperAsync(ShippingAppExtensions.Somewhere())).Client.AccessToken, "FORBIDDEN"),
            (null, "UNAUTHENTICATED"),
        })
        {
            await using var refused = await TrackingStream.OpenAsync(app, token, Operations.ShipmentTracking, variables);
            Assert.Equal(code, await refused.RefusalAsync());
        }
        await using var unknown = await TrackingStream.OpenAsync(app, app.Admin().Client.AccessToken, Operations.ShipmentTracking, new { orderId = Guid.CreateVersion7() });
        Assert.Equal("NOT_FOUND", await unknown.RefusalAsync());
        await using var admin = await TrackingStream.OpenAsync(app, app.Admin().Client.AccessToken, Operations.ShipmentTracking, variables);
        await app.CreateAsync(order);
        Assert.Equal(order.OrderId, (await admin.NextAsync("shipmentTracking")).GetProperty("orderId").GetGuid());
    }

    [Fact]
    public async Task A_jump_implying_an_impossible_speed_is_flagged_kept_off_the_trail_and_not_heard()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        await using var stream = await TrackingStream.OpenAsync(app, created.Buyer.Client.AccessToken, Operations.ShipmentTracking, new { orderId = created.Order.OrderId });
        await stream.NextAsync("shipmentTracking");

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var jump = (await shipper.ReportAsync(shop.Offset(80))).Succeeded();
        app.Clock.Advance(TimeSpan.FromSeconds(50));
        var step = (await shipper.ReportAsync(shop.Offset(0.3))).Succeeded();
        var heard = await stream.NextAsync("shipmentTracking");

        Assert.False(jump.GetProperty("trusted").GetBoolean());
        Assert.True(jump.GetProperty("speedKmh").GetDouble() > 10_000);
        Assert.Equal(shop.Offset(0.5).Lat, jump.Get("shipper.location.lat").GetDouble(), 6);
        Assert.True(step.GetProperty("trusted").GetBoolean());
        Assert.Equal(shop.Offset(0.3).Lat, heard.Get("location.lat").GetDouble(), 6);
        var trail = (await created.Buyer.Client.SendAsync(Operations.Shipment, new { id = created.ShipmentId })).EnsureNoErrors().Get("shipment.trail");
        var point = Assert.Single(trail.EnumerateArray());
        Assert.Equal(shop.Offset(0.3).Lat, point.GetProperty("lat").GetDouble(), 6);
        var flagged = await app.InDatabaseAsync(db => db.TripPoints.CountAsync(p => p.ShipmentId == created.ShipmentId && p.Flagged));
        Assert.Equal(1, flagged);
    }

    [Fact]
    public async Task A_jump_reported_in_no_time_is_not_trusted_and_answers_no_speed()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));

        // A report stamped before the last one (a clock set back): 2 km in no time at all.
        var last = app.Clock.GetUtcNow();
        app.Clock.AdjustTime(last.AddSeconds(-1));
        var jump = (await shipper.ReportAsync(shop.Offset(2.5))).Succeeded();
        app.Clock.AdjustTime(last.AddSeconds(1));

        Assert.False(jump.GetProperty("trusted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, jump.GetProperty("speedKmh").ValueKind);
        Assert.Equal(shop.Offset(0.5).Lat, jump.Get("shipper.location.lat").GetDouble(), 6);
    }

    [Fact]
    public async Task Location_reports_are_checked()
    {
        var shipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere());
        var stranger = app.SignIn(Roles.Shipper);

        var offTheGlobe = await shipper.Client.SendAsync(Operations.ReportLocation, new { input = new { location = new { lat = 91.0, lng = 105.0 } } });
        var notAShipper = await stranger.ReportAsync(ShippingAppExtensions.Somewhere());
        var anonymous = await app.Client().SendAsync(Operations.ReportLocation, new { input = new { location = new { lat = 21.0, lng = 105.0 } } });

        Assert.Equal(["BAD_USER_INPUT"], offTheGlobe.ErrorCodes);
        Assert.Equal(["NOT_A_SHIPPER"], notAShipper.UserErrorCodes());
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
    }

    [Fact]
    public async Task A_shipper_hears_of_each_shipment_offered_to_them()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        await using var offers = await TrackingStream.OpenAsync(app, shipper.Client.AccessToken, Operations.MyShipmentOffers);
        await using var othersOffers = await TrackingStream.OpenAsync(app, app.SignIn(Roles.Shipper).Client.AccessToken, Operations.MyShipmentOffers);
        await Task.Delay(200);

        var created = await app.ShipmentAsync(shop);
        var offer = await offers.NextAsync("myShipmentOffers");

        Assert.Equal(created.ShipmentId, offer.GetProperty("shipment").Id());
        Assert.Equal(app.Clock.GetUtcNow() + ShippingApp.OfferTimeout, offer.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => othersOffers.NextAsync("myShipmentOffers"));
    }
}
