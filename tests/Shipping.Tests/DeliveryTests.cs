using System.Text.Json;
using GoShop.Contracts.Shipping;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;

namespace GoShop.Shipping.Tests;

/// <summary>The shipper's moves: only the assigned shipper, with proof and the exact cash at delivery, and the events they publish.</summary>
public sealed class DeliveryTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    [Fact]
    public async Task The_assigned_shipper_takes_a_cod_parcel_from_the_shop_to_the_buyer()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.4));
        var created = await app.ShipmentAsync(shop);
        var due = created.Order.Total;
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await shipper.ReportAsync(shop)).Succeeded().GetProperty("trusted").GetBoolean());
        (await shipper.MoveAsync(created.ShipmentId, "PICKED_UP", new { note = "Đã lấy hàng" })).Succeeded();
        (await shipper.MoveAsync(created.ShipmentId, "IN_TRANSIT")).Succeeded();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        (await shipper.ReportAsync(shop.Offset(1, 0.5))).Succeeded();
        var delivered = (await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { recipientName = "Chị Lan", codCollected = due })).Succeeded()
            .GetProperty("shipment");

        Assert.Equal(("DELIVERED", "Chị Lan", due), (delivered.Text("status"), delivered.Text("receivedBy"), delivered.Get("codCollected.amount").GetDecimal()));
        var history = delivered.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["AWAITING_ASSIGNMENT", "ASSIGNED", "PICKED_UP", "IN_TRANSIT", "DELIVERED"], history.Select(h => h.Text("to")));
        Assert.Equal(["SYSTEM", "SHIPPER", "SHIPPER", "SHIPPER", "SHIPPER"], history.Select(h => h.Text("actorRole")));
        Assert.Equal("Đã lấy hàng", history[2].Text("reason"));
        Assert.Equal(shop.Lat, history[2].Get("location.lat").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("location").ValueKind);
        // The trail is kept for the trip only.
        Assert.Empty(delivered.GetProperty("trail").EnumerateArray());
        Assert.Equal(["ShipmentCreated", "ShipmentOffered", "ShipmentAssigned", "ShipmentPickedUp", "ShipmentDelivered", "CodCollected"], await app.EventTypesAsync(created.ShipmentId));
        var cod = Assert.Single(await app.EventsAsync(typeof(CodCollected), created.ShipmentId));
        Assert.Equal((due, "VND", shipper.Id), (cod.GetProperty("amount").GetDecimal(), cod.Text("currency"), cod.GetProperty("shipperId").GetGuid()));
        var deliveredEvent = Assert.Single(await app.EventsAsync(typeof(ShipmentDelivered), created.ShipmentId));
        Assert.Equal(("DELIVERED", "Chị Lan"), (deliveredEvent.GetProperty("shipment").Text("status"), deliveredEvent.Text("recipientName")));
        var state = await app.ShipperStateAsync(shipper.Id);
        Assert.Equal((0, 1), (state.ActiveShipments, state.DeliveredCount));
    }

    [Fact]
    public async Task Another_shipper_the_buyer_and_the_seller_cannot_move_the_shipment()
    {
        var (created, shipper) = await AssignedAsync();
        var otherShipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere());

        Assert.Equal(["NOT_ASSIGNED_SHIPPER"], (await otherShipper.MoveAsync(created.ShipmentId, "PICKED_UP")).UserErrorCodes());
        Assert.Equal(["NOT_ASSIGNED_SHIPPER"], (await created.Buyer.MoveAsync(created.ShipmentId, "PICKED_UP")).UserErrorCodes());
        Assert.Equal(["NOT_ASSIGNED_SHIPPER"], (await created.Seller.MoveAsync(created.ShipmentId, "PICKED_UP")).UserErrorCodes());
        Assert.Equal(["INVALID_TRANSITION"], (await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { recipientName = "A" })).UserErrorCodes());
        Assert.Equal(["SHIPMENT_NOT_FOUND"], (await shipper.MoveAsync(Guid.CreateVersion7(), "PICKED_UP")).UserErrorCodes());

        var state = await app.ShipmentStateAsync(created.ShipmentId);
        Assert.Equal((ShipmentStatus.Assigned, 2), (state.Status, state.Version));
    }

    [Fact]
    public async Task Delivery_without_proof_or_with_the_wrong_cash_is_refused_and_changes_nothing()
    {
        var (created, shipper) = await AssignedAsync();
        await shipper.OnTheWayAsync(created.ShipmentId);
        var due = created.Order.Total;

        var noProof = await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { codCollected = due });
        var noCash = await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { recipientName = "Anh Nam" });
        var tooLittle = await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { recipientName = "Anh Nam", codCollected = due - 1000 });
        var tooMuch = await shipper.MoveAsync(created.ShipmentId, "DELIVERED", new { proofMediaId = Guid.CreateVersion7(), codCollected = due + 1 });

        Assert.Equal(["PROOF_REQUIRED"], noProof.UserErrorCodes());
        Assert.Equal(["COD_AMOUNT_REQUIRED"], noCash.UserErrorCodes());
        Assert.Equal(["COD_AMOUNT_MISMATCH"], tooLittle.UserErrorCodes());
        Assert.Equal(["COD_AMOUNT_MISMATCH"], tooMuch.UserErrorCodes());
        var state = await app.ShipmentStateAsync(created.ShipmentId);
        Assert.Equal((ShipmentStatus.InTransit, null, null), (state.Status, state.CodCollected, state.ReceivedBy));
        Assert.DoesNotContain("CodCollected", await app.EventTypesAsync(created.ShipmentId));
        Assert.Equal(1, (await app.ShipperStateAsync(shipper.Id)).ActiveShipments);
    }

    [Fact]
    public async Task A_failed_attempt_needs_a_note_is_retried_and_a_second_failure_goes_back_to_the_shop()
    {
        var (created, shipper) = await AssignedAsync(cod: false);
        await shipper.OnTheWayAsync(created.ShipmentId);

        Assert.Equal(["REASON_REQUIRED"], (await shipper.MoveAsync(created.ShipmentId, "FAILED_DELIVERY")).UserErrorCodes());
        (await shipper.MoveAsync(created.ShipmentId, "FAILED_DELIVERY", new { note = "Không có ai ở nhà" })).Succeeded();
        (await shipper.MoveAsync(created.ShipmentId, "IN_TRANSIT")).Succeeded();
        (await shipper.MoveAsync(created.ShipmentId, "FAILED_DELIVERY", new { note = "Khách từ chối nhận" })).Succeeded();
        Assert.Equal(["NOT_ASSIGNED_SHIPPER"], (await created.Buyer.MoveAsync(created.ShipmentId, "RETURNED_TO_SHOP")).UserErrorCodes());
        var returned = (await created.Seller.MoveAsync(created.ShipmentId, "RETURNED_TO_SHOP", new { note = "Shop nhận lại" })).Succeeded().GetProperty("shipment");

        Assert.Equal(("RETURNED_TO_SHOP", 2), (returned.Text("status"), returned.GetProperty("attempts").GetInt32()));
        var failures = await app.EventsAsync(typeof(ShipmentFailed), created.ShipmentId);
        Assert.Equal([("Không có ai ở nhà", false), ("Khách từ chối nhận", false), ("Shop nhận lại", true)],
            failures.Select(f => (f.Text("reason"), f.GetProperty("returnedToShop").GetBoolean())));
        var state = await app.ShipperStateAsync(shipper.Id);
        Assert.Equal((0, 2, 1), (state.ActiveShipments, state.FailedCount, state.ReturnedCount));
    }

    [Fact]
    public async Task The_shippers_list_of_shipments_shows_theirs_only()
    {
        var (first, shipper) = await AssignedAsync();
        await shipper.OnTheWayAsync(first.ShipmentId);
        var second = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        (await app.Admin().MutateAsync(Operations.AssignShipper, new { shipmentId = second.ShipmentId, shipperId = shipper.Id })).Succeeded();

        var all = (await shipper.Client.SendAsync(Operations.MyShipments)).EnsureNoErrors().Get("myShipments").EnumerateArray().Select(s => s.Id());
        var inTransit = (await shipper.Client.SendAsync(Operations.MyShipments, new { status = "IN_TRANSIT" })).EnsureNoErrors().Get("myShipments")
            .EnumerateArray().Select(s => s.Id());
        var stranger = (await app.SignIn().Client.SendAsync(Operations.MyShipments)).EnsureNoErrors().Get("myShipments");

        Assert.Equal([second.ShipmentId, first.ShipmentId], all);
        Assert.Equal([first.ShipmentId], inTransit);
        Assert.Equal(0, stranger.GetArrayLength());
    }

    [Fact]
    public async Task A_shipment_is_seen_by_its_buyer_seller_shipper_and_admins_only()
    {
        var (created, shipper) = await AssignedAsync();

        foreach (var viewer in new[] { created.Buyer, created.Seller, shipper, app.Admin() })
            Assert.Equal(created.ShipmentId, (await viewer.Client.SendAsync(Operations.Shipment, new { id = created.ShipmentId })).EnsureNoErrors().Get("shipment").Id());
        var stranger = (await app.SignIn().Client.SendAsync(Operations.Shipment, new { id = created.ShipmentId })).EnsureNoErrors();
        Assert.Equal(JsonValueKind.Null, stranger.Get("shipment").ValueKind);
    }

    private async Task<(CreatedShipment Created, Person Shipper)> AssignedAsync(bool cod = true)
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.4));
        var created = await app.ShipmentAsync(shop, cod: cod);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        return (created, shipper);
    }
}
