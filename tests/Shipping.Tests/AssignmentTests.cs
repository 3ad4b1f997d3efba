using GoShop.BuildingBlocks.Auth;
using GoShop.Shipping.Assignment;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;

namespace GoShop.Shipping.Tests;

/// <summary>
/// Who a shipment is offered to (the nearest AVAILABLE shipper in reach with a free slot), how offers move on (declined,
/// lapsed), what happens when nobody is near, manual assignment, and capacity under concurrency.
/// </summary>
public sealed class AssignmentTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    [Fact]
    public async Task A_new_shipment_is_offered_to_the_nearest_available_shipper_in_reach()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var far = await app.ShipperAsync(shop.Offset(3.5));
        var near = await app.ShipperAsync(shop.Offset(-1.5, 1));
        await app.ShipperAsync(shop.Offset(0.2), available: false);
        await app.ShipperAsync(shop.Offset(8));

        var created = await app.ShipmentAsync(shop);

        Assert.Equal(near.Id, await app.OfferedToAsync(created.ShipmentId));
        var offers = (await near.Client.SendAsync(Operations.MyOffers)).EnsureNoErrors().Get("myOffers");
        var offer = Assert.Single(offers.EnumerateArray());
        Assert.Equal(created.ShipmentId, offer.GetProperty("shipment").Id());
        Assert.InRange(offer.GetProperty("distanceKm").GetDouble(), 1.7, 1.9);
        Assert.Empty((await far.Client.SendAsync(Operations.MyOffers)).EnsureNoErrors().Get("myOffers").EnumerateArray());
        Assert.Equal(["ShipmentCreated", "ShipmentOffered"], await app.EventTypesAsync(created.ShipmentId));
    }

    [Fact]
    public async Task Each_offer_is_published_through_the_outbox_so_notifications_can_tell_the_shipper()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var first = await app.ShipperAsync(shop.Offset(0.5));
        var second = await app.ShipperAsync(shop.Offset(1.5));
        var created = await app.ShipmentAsync(shop);
        (await first.MutateAsync(Operations.DeclineShipment, new { shipmentId = created.ShipmentId })).Succeeded();

        var offered = await app.EventsAsync(typeof(GoShop.Contracts.Shipping.ShipmentOffered), created.ShipmentId);
        var offers = await app.OffersAsync(created.ShipmentId);

        Assert.Equal([first.Id, second.Id], offered.Select(e => e.GetProperty("shipperId").GetGuid()));
        Assert.Equal(offers.Select(o => o.Id), offered.Select(e => e.GetProperty("offerId").GetGuid()));
        // PostgreSQL keeps microseconds; the event carries the offer as it was made.
        Assert.Equal(offers[1].ExpiresAt, offered[1].GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(("AWAITING_ASSIGNMENT", created.Order.BuyerId), (offered[1].GetProperty("shipment").GetProperty("status").GetString(),
            offered[1].GetProperty("shipment").GetProperty("buyerId").GetGuid()));
    }

    [Fact]
    public async Task Among_equally_near_shippers_the_one_with_fewer_deliveries_on_hand_is_asked_first()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var loaded = await app.ShipperAsync(shop.Offset(0.1));
        var first = await app.ShipmentAsync(shop);
        Assert.Equal(loaded.Id, await app.OfferedToAsync(first.ShipmentId));
        (await loaded.AcceptAsync(first.ShipmentId)).Succeeded();
        var free = await app.ShipperAsync(shop.Offset(0.6));

        var second = await app.ShipmentAsync(shop);

        Assert.Equal(free.Id, await app.OfferedToAsync(second.ShipmentId));
    }

    [Fact]
    public async Task A_declined_offer_moves_to_the_next_shipper_and_never_comes_back()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var nearest = await app.ShipperAsync(shop.Offset(0.5));
        var next = await app.ShipperAsync(shop.Offset(2));
        var created = await app.ShipmentAsync(shop);

        var declined = await nearest.MutateAsync(Operations.DeclineShipment, new { shipmentId = created.ShipmentId, reason = "Hết xăng" });

        declined.Succeeded();
        Assert.Equal(next.Id, await app.OfferedToAsync(created.ShipmentId));
        (await next.MutateAsync(Operations.DeclineShipment, new { shipmentId = created.ShipmentId })).Succeeded();
        Assert.Null(await app.OfferedToAsync(created.ShipmentId));
        var offers = await app.OffersAsync(created.ShipmentId);
        Assert.Equal([(nearest.Id, OfferStatus.Declined, "Hết xăng"), (next.Id, OfferStatus.Declined, null)],
            offers.Select(o => (o.ShipperId, o.Status, o.Reason)));
        Assert.Equal(["NO_OFFER"], (await nearest.AcceptAsync(created.ShipmentId)).UserErrorCodes());
        Assert.Equal(ShipmentStatus.AwaitingAssignment, (await app.ShipmentStateAsync(created.ShipmentId)).Status);
    }

    [Fact]
    public async Task An_unanswered_offer_lapses_after_the_timeout_and_moves_on()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var sleepy = await app.ShipperAsync(shop.Offset(0.5));
        var awake = await app.ShipperAsync(shop.Offset(1.5));
        var created = await app.ShipmentAsync(shop);

        app.Clock.Advance(ShippingApp.OfferTimeout - TimeSpan.FromSeconds(1));
        await app.Service<OfferSweeper>().SweepOnceAsync(CancellationToken.None);
        Assert.Equal(sleepy.Id, await app.OfferedToAsync(created.ShipmentId));
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.Service<OfferSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(awake.Id, await app.OfferedToAsync(created.ShipmentId));
        Assert.Equal(["NO_OFFER"], (await sleepy.AcceptAsync(created.ShipmentId)).UserErrorCodes());
        var accepted = (await awake.AcceptAsync(created.ShipmentId)).Succeeded().GetProperty("shipment");
        Assert.Equal(("ASSIGNED", awake.Id), (accepted.Text("status"), accepted.GetProperty("shipper").Id()));
        Assert.Equal([OfferStatus.Expired, OfferStatus.Accepted], (await app.OffersAsync(created.ShipmentId)).Select(o => o.Status));
    }

    [Fact]
    public async Task With_nobody_in_reach_the_shipment_waits_and_is_offered_when_a_shipper_comes_online_or_near()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var offline = await app.ShipperAsync(shop.Offset(1), available: false);
        var distant = await app.ShipperAsync(shop.Offset(ShippingApp.RadiusKm + 3));
        var created = await app.ShipmentAsync(shop);
        Assert.Null(await app.OfferedToAsync(created.ShipmentId));
        Assert.Equal(ShipmentStatus.AwaitingAssignment, (await app.ShipmentStateAsync(created.ShipmentId)).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        (await distant.ReportAsync(shop.Offset(ShippingApp.RadiusKm - 1))).Succeeded();
        Assert.Equal(distant.Id, await app.OfferedToAsync(created.ShipmentId));
        (await distant.MutateAsync(Operations.DeclineShipment, new { shipmentId = created.ShipmentId })).Succeeded();
        Assert.Null(await app.OfferedToAsync(created.ShipmentId));

        (await offline.MutateAsync(Operations.SetShipperStatus, new { status = "AVAILABLE" })).Succeeded();
        Assert.Equal(offline.Id, await app.OfferedToAsync(created.ShipmentId));
    }

    [Fact]
    public async Task The_sweeper_offers_waiting_shipments_again()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var created = await app.ShipmentAsync(shop);
        var arrived = await app.ShipperAsync(shop.Offset(1));
        Assert.Null(await app.OfferedToAsync(created.ShipmentId));

        await app.Service<OfferSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(arrived.Id, await app.OfferedToAsync(created.ShipmentId));
    }

    [Fact]
    public async Task An_offer_holds_the_slot_so_a_one_parcel_shipper_is_never_offered_two_shipments_at_once()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var cyclist = await app.ShipperAsync(shop.Offset(0.5), VehicleType.Bicycle);

        var first = await app.ShipmentAsync(shop);
        var second = await app.ShipmentAsync(shop);

        Assert.Equal(cyclist.Id, await app.OfferedToAsync(first.ShipmentId));
        Assert.Null(await app.OfferedToAsync(second.ShipmentId));
        (await cyclist.MutateAsync(Operations.DeclineShipment, new { shipmentId = first.ShipmentId })).Succeeded();
        await app.Service<OfferSweeper>().SweepOnceAsync(CancellationToken.None);
        Assert.Equal(cyclist.Id, await app.OfferedToAsync(second.ShipmentId));
    }

    [Fact]
    public async Task The_shops_owner_or_an_admin_may_assign_a_shipper_and_nobody_else()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var offered = await app.ShipperAsync(shop.Offset(0.5));
        var chosen = await app.ShipperAsync(shop.Offset(30));
        var created = await app.ShipmentAsync(shop);
        var other = await app.ShipmentAsync(shop);
        var input = new { shipmentId = created.ShipmentId, shipperId = chosen.Id };

        var asBuyer = await created.Buyer.MutateAsync(Operations.AssignShipper, input);
        var asShipper = await offered.MutateAsync(Operations.AssignShipper, new { shipmentId = created.ShipmentId, shipperId = offered.Id });
        var asSeller = await created.Seller.MutateAsync(Operations.AssignShipper, input);
        var asAdmin = await app.Admin().MutateAsync(Operations.AssignShipper, new { shipmentId = other.ShipmentId, shipperId = chosen.Id });

        Assert.Equal(["NOT_SHOP_OWNER"], asBuyer.UserErrorCodes());
        Assert.Equal(["NOT_SHOP_OWNER"], asShipper.UserErrorCodes());
        var assigned = asSeller.Succeeded().GetProperty("shipment");
        Assert.Equal(("ASSIGNED", chosen.Id), (assigned.Text("status"), assigned.GetProperty("shipper").Id()));
        Assert.Equal(("SELLER", created.Seller.Id), (assigned.GetProperty("history")[1].Text("actorRole"), assigned.GetProperty("history")[1].GetProperty("actor").Id()));
        asAdmin.Succeeded();
        // The offer the automatic assignment had made is withdrawn; the offered shipper cannot take it any more.
        Assert.Contains(OfferStatus.Withdrawn, (await app.OffersAsync(created.ShipmentId)).Select(o => o.Status));
        Assert.Equal(["ALREADY_ASSIGNED"], (await created.Seller.MutateAsync(Operations.AssignShipper, input)).UserErrorCodes());
        Assert.Equal(2, (await app.ShipperStateAsync(chosen.Id)).ActiveShipments);
        Assert.Equal(["ShipmentCreated", "ShipmentOffered", "ShipmentAssigned"], await app.EventTypesAsync(created.ShipmentId));
    }

    [Fact]
    public async Task Assigning_an_unknown_offline_or_full_shipper_is_refused()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var created = await app.ShipmentAsync(shop);
        var offline = await app.ShipperAsync(shop.Offset(50), available: false);
        var cyclist = await app.ShipperAsync(shop.Offset(50), VehicleType.Bicycle);
        var admin = app.Admin();
        (await admin.MutateAsync(Operations.AssignShipper, new { shipmentId = (await app.ShipmentAsync(shop)).ShipmentId, shipperId = cyclist.Id })).Succeeded();

        Assert.Equal(["SHIPPER_NOT_FOUND"], (await admin.MutateAsync(Operations.AssignShipper, new { shipmentId = created.ShipmentId, shipperId = Guid.CreateVersion7() })).UserErrorCodes());
        Assert.Equal(["SHIPPER_OFFLINE"], (await admin.MutateAsync(Operations.AssignShipper, new { shipmentId = created.ShipmentId, shipperId = offline.Id })).UserErrorCodes());
        Assert.Equal(["SHIPPER_AT_CAPACITY"], (await admin.MutateAsync(Operations.AssignShipper, new { shipmentId = created.ShipmentId, shipperId = cyclist.Id })).UserErrorCodes());
        Assert.Equal(["SHIPMENT_NOT_FOUND"], (await admin.MutateAsync(Operations.AssignShipper, new { shipmentId = Guid.CreateVersion7(), shipperId = cyclist.Id })).UserErrorCodes());

        var untouched = await app.ShipmentStateAsync(created.ShipmentId);
        Assert.Equal((ShipmentStatus.AwaitingAssignment, null, 1), (untouched.Status, untouched.ShipperId, untouched.Version));
        Assert.Equal(1, (await app.ShipperStateAsync(cyclist.Id)).ActiveShipments);
    }

    [Fact]
    public async Task Parallel_assignments_never_give_a_shipper_more_parcels_than_the_vehicle_carries()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(50), VehicleType.Motorbike);
        var shipments = new List<CreatedShipment>();
        for (var i = 0; i < 8; i++)
            shipments.Add(await app.ShipmentAsync(shop));
        var admins = shipments.Select(_ => app.Admin()).ToList();

        var answers = await Task.WhenAll(shipments.Select((s, i) =>
            admins[i].MutateAsync(Operations.AssignShipper, new { shipmentId = s.ShipmentId, shipperId = shipper.Id })));

        var capacity = GoShop.Shipping.Domain.Shipper.CapacityOf(VehicleType.Motorbike);
        Assert.Equal(capacity, answers.Count(a => a.UserErrorCodes().Count == 0));
        Assert.All(answers.Where(a => a.UserErrorCodes().Count > 0), a => Assert.Equal(["SHIPPER_AT_CAPACITY"], a.UserErrorCodes()));
        var state = await app.ShipperStateAsync(shipper.Id);
        Assert.Equal((capacity, ShipperStatus.Busy), (state.ActiveShipments, state.EffectiveStatus));
        var assigned = 0;
        foreach (var s in shipments)
            assigned += (await app.ShipmentStateAsync(s.ShipmentId)).ShipperId == shipper.Id ? 1 : 0;
        Assert.Equal(capacity, assigned);
    }

    [Fact]
    public async Task An_accept_racing_an_assignment_for_a_one_parcel_shipper_lets_exactly_one_win()
    {
        for (var round = 0; round < 5; round++)
        {
            var shop = ShippingAppExtensions.Somewhere();
            var cyclist = await app.ShipperAsync(shop.Offset(0.3), VehicleType.Bicycle);
            var offered = await app.ShipmentAsync(shop);
            var other = await app.ShipmentAsync(shop);
            Assert.Equal(cyclist.Id, await app.OfferedToAsync(offered.ShipmentId));

            var answers = await Task.WhenAll(
                cyclist.AcceptAsync(offered.ShipmentId),
                other.Seller.MutateAsync(Operations.AssignShipper, new { shipmentId = other.ShipmentId, shipperId = cyclist.Id }));

            Assert.Single(answers, a => a.UserErrorCodes().Count == 0);
            Assert.Single(answers, a => a.UserErrorCodes().SequenceEqual(["SHIPPER_AT_CAPACITY"]));
            Assert.Equal(1, (await app.ShipperStateAsync(cyclist.Id)).ActiveShipments);
        }
    }

    [Fact]
    public async Task Shipper_status_is_set_by_the_shipper_and_busy_follows_from_the_load()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var cyclist = await app.ShipperAsync(shop.Offset(0.3), VehicleType.Bicycle, available: false);
        var stranger = app.SignIn(Roles.Shipper);

        Assert.Equal(["NOT_A_SHIPPER"], (await stranger.MutateAsync(Operations.SetShipperStatus, new { status = "AVAILABLE" })).UserErrorCodes());
        Assert.Equal(["INVALID_STATUS"], (await cyclist.MutateAsync(Operations.SetShipperStatus, new { status = "BUSY" })).UserErrorCodes());
        var available = (await cyclist.MutateAsync(Operations.SetShipperStatus, new { status = "AVAILABLE" })).Succeeded();
        Assert.Equal("AVAILABLE", available.GetProperty("shipper").Text("status"));
        var created = await app.ShipmentAsync(shop);
        (await cyclist.AcceptAsync(created.ShipmentId)).Succeeded();

        var shipper = (await app.SignIn().Client.SendAsync(Operations.Shipper, new { id = cyclist.Id })).EnsureNoErrors().Get("shipper");
        Assert.Equal(("BUSY", 1, 1), (shipper.Text("status"), shipper.GetProperty("capacity").GetInt32(), shipper.GetProperty("activeShipments").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shipper.GetProperty("location").ValueKind);
        Assert.Equal(["HAS_ACTIVE_SHIPMENTS"], (await cyclist.MutateAsync(Operations.SetShipperStatus, new { status = "OFFLINE" })).UserErrorCodes());
    }

    [Fact]
    public async Task Available_shippers_are_listed_nearest_first_for_sellers_and_admins()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var second = await app.ShipperAsync(shop.Offset(2));
        var first = await app.ShipperAsync(shop.Offset(0, 0.5));
        await app.ShipperAsync(shop.Offset(1), available: false);
        var busy = await app.ShipperAsync(shop.Offset(1.2), VehicleType.Bicycle);
        (await app.Admin().MutateAsync(Operations.AssignShipper, new { shipmentId = (await app.ShipmentAsync(ShippingAppExtensions.Somewhere())).ShipmentId, shipperId = busy.Id })).Succeeded();
        await app.ShipperAsync(shop.Offset(4));
        var near = new { lat = shop.Lat, lng = shop.Lng };

        var listed = (await app.SignIn(Roles.Seller).Client.SendAsync(Operations.AvailableShippers, new { near, radiusKm = 3.0 })).EnsureNoErrors()
            .Get("availableShippers").EnumerateArray().ToList();
        var asBuyer = await app.SignIn().Client.SendAsync(Operations.AvailableShippers, new { near, radiusKm = 3.0 });
        var badRadius = await app.Admin().Client.SendAsync(Operations.AvailableShippers, new { near, radiusKm = 500.0 });

        Assert.Equal([first.Id, second.Id], listed.Select(l => l.GetProperty("shipper").Id()));
        Assert.InRange(listed[0].GetProperty("distanceKm").GetDouble(), 0.45, 0.55);
        Assert.Equal(["FORBIDDEN"], asBuyer.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], badRadius.ErrorCodes);
    }
}
