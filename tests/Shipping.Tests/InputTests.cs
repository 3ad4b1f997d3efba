using GoShop.BuildingBlocks.Auth;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Tests;

/// <summary>Bad input of every mutation: a userError (or a GraphQL error for malformed values), and nothing written.</summary>
public sealed class InputTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    [Fact]
    public async Task Accepting_or_declining_what_is_not_offered_or_does_not_exist_is_refused()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var offered = await app.ShipperAsync(shop.Offset(0.5));
        var bystander = await app.ShipperAsync(shop.Offset(2));
        var created = await app.ShipmentAsync(shop);
        var before = await SnapshotAsync(created.ShipmentId);

        Assert.Equal(["NO_OFFER"], (await bystander.AcceptAsync(created.ShipmentId)).UserErrorCodes());
        Assert.Equal(["NO_OFFER"], (await bystander.MutateAsync(Operations.DeclineShipment, new { shipmentId = created.ShipmentId })).UserErrorCodes());
        Assert.Equal(["SHIPMENT_NOT_FOUND"], (await offered.AcceptAsync(Guid.CreateVersion7())).UserErrorCodes());
        Assert.Equal(["SHIPMENT_NOT_FOUND"], (await offered.MutateAsync(Operations.DeclineShipment, new { shipmentId = Guid.CreateVersion7() })).UserErrorCodes());
        Assert.Equal(["TOO_LONG"], (await offered.MutateAsync(Operations.DeclineShipment, new { shipmentId = created.ShipmentId, reason = new string('x', 501) })).UserErrorCodes());
        Assert.Equal(["BAD_USER_INPUT"], (await offered.Client.SendAsync(Operations.AcceptShipment, new { input = new { shipmentId = "not-an-id" } })).ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], (await app.Client().SendAsync(Operations.AcceptShipment, new { input = new { shipmentId = created.ShipmentId } })).ErrorCodes);

        Assert.Equal(before, await SnapshotAsync(created.ShipmentId));
        Assert.Equal(offered.Id, await app.OfferedToAsync(created.ShipmentId));
        (await offered.AcceptAsync(created.ShipmentId)).Succeeded();
        Assert.Equal(["ALREADY_ASSIGNED"], (await offered.AcceptAsync(created.ShipmentId)).UserErrorCodes());
    }

    [Fact]
    public async Task Status_updates_with_bad_fields_are_refused_before_anything_moves()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        await shipper.OnTheWayAsync(created.ShipmentId);
        var before = await SnapshotAsync(created.ShipmentId);

        var longNote = await shipper.MoveAsync(created.ShipmentId, "FAILED_DELIVERY", new { note = new string('x', 501) });
        var longName = await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { recipientName = new string('x', 201), codCollected = created.Order.Total });
        var negativeCash = await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { recipientName = "Chị Lan", codCollected = -1m });
        var backwards = await shipper.MoveAsync(created.ShipmentId, "AWAITING_ASSIGNMENT");
        var cancelled = await shipper.MoveAsync(created.ShipmentId, "CANCELLED", new { note = "Không muốn giao" });
        var unknownStatus = await shipper.Client.SendAsync(Operations.UpdateShipmentStatus, new { input = new { shipmentId = created.ShipmentId, status = "LOST" } });

        Assert.Equal(["TOO_LONG"], longNote.UserErrorCodes());
        Assert.Equal(["TOO_LONG"], longName.UserErrorCodes());
        Assert.Equal(["OUT_OF_RANGE"], negativeCash.UserErrorCodes());
        Assert.Equal(["INVALID_TRANSITION"], backwards.UserErrorCodes());
        Assert.Equal(["INVALID_TRANSITION"], cancelled.UserErrorCodes());
        Assert.Equal(["BAD_USER_INPUT"], unknownStatus.ErrorCodes);
        Assert.Equal(before, await SnapshotAsync(created.ShipmentId));
    }

    [Fact]
    public async Task Setting_a_shipper_status_that_is_not_theirs_to_set_is_refused()
    {
        var shipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere(), available: false);

        var busy = await shipper.MutateAsync(Operations.SetShipperStatus, new { status = "BUSY" });
        var unknown = await shipper.Client.SendAsync(Operations.SetShipperStatus, new { input = new { status = "ASLEEP" } });
        var anonymous = await app.Client().SendAsync(Operations.SetShipperStatus, new { input = new { status = "AVAILABLE" } });

        Assert.Equal(["INVALID_STATUS"], busy.UserErrorCodes());
        Assert.Equal(["BAD_USER_INPUT"], unknown.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(ShipperStatus.Offline, (await app.ShipperStateAsync(shipper.Id)).Status);
    }

    [Fact]
    public async Task Assigning_with_malformed_ids_is_refused_without_touching_the_shipment()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var created = await app.ShipmentAsync(shop);
        var before = await SnapshotAsync(created.ShipmentId);

        var malformed = await created.Seller.Client.SendAsync(Operations.AssignShipper, new { input = new { shipmentId = created.ShipmentId, shipperId = "x" } });
        var missing = await created.Seller.Client.SendAsync(Operations.AssignShipper, new { input = new { shipmentId = created.ShipmentId } });

        Assert.Equal(["BAD_USER_INPUT"], malformed.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], missing.ErrorCodes);
        Assert.Equal(before, await SnapshotAsync(created.ShipmentId));
    }

    /// <summary>What a refused mutation must leave as it was: the shipment's row and history, its offers and its events.</summary>
    private async Task<string> SnapshotAsync(Guid shipmentId) => await app.InDatabaseAsync(async db =>
    {
        var shipment = await db.Shipments.AsNoTracking().SingleAsync(s => s.Id == shipmentId);
        var history = await db.ShipmentHistory.CountAsync(h => h.ShipmentId == shipmentId);
        var offers = await db.ShipmentOffers.Where(o => o.ShipmentId == shipmentId).Select(o => o.Status).ToListAsync();
        var events = await db.OutboxMessages.CountAsync();
        var shipperLoad = shipment.ShipperId is { } id ? (await db.Shippers.AsNoTracking().SingleAsync(s => s.Id == id)).ActiveShipments : -1;
        return $"{shipment.Status}/{shipment.Version}/{shipment.ShipperId}/{shipment.CodCollected}/{history}/{string.Join(",", offers)}/{events}/{shipperLoad}";
    });
}

/// <summary>The shipper app may report a few positions per second, no more.</summary>
public sealed class LocationRateLimitTests(LocationRateLimitTests.StrictApp app) : IClassFixture<LocationRateLimitTests.StrictApp>
{
    // A window far longer than the test takes: the five reports fall in it however slow the machine is.
    public sealed class StrictApp() : ShippingApp(new Dictionary<string, string?>
    {
        ["Shipping:Tracking:ReportsPerWindow"] = "3",
        ["Shipping:Tracking:ReportWindow"] = "00:10:00",
    });

    [Fact]
    public async Task Reports_beyond_the_limit_of_the_window_are_refused_and_change_nothing()
    {
        var at = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(at);
        var other = await app.ShipperAsync(ShippingAppExtensions.Somewhere());

        var answers = new List<IReadOnlyList<string>>();
        GoShop.BuildingBlocks.Domain.GeoPoint? lastAccepted = null;
        for (var i = 1; i <= 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            var point = at.Offset(0.01 * i);
            var codes = (await shipper.ReportAsync(point)).UserErrorCodes();
            answers.Add(codes);
            if (codes.Count == 0)
                lastAccepted = point;
        }
        var othersAnswer = await other.ReportAsync(ShippingAppExtensions.Somewhere());

        Assert.True(answers.Take(3).All(a => a.Count == 0), "the first three reports pass");
        Assert.All(answers.Skip(3), a => Assert.Equal(["RATE_LIMITED"], a));
        Assert.Equal(lastAccepted!.Lat, (await app.ShipperStateAsync(shipper.Id)).Position!.Lat, 6);
        Assert.DoesNotContain("RATE_LIMITED", othersAnswer.UserErrorCodes());
    }
}
