using GoShop.BuildingBlocks.Domain;
using GoShop.Shipping.Domain;

namespace GoShop.Shipping.Tests.Domain;

/// <summary>The delivery process as data: which moves exist, who may make them, and delivery's proof and cash rules.</summary>
public sealed class ShipmentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid ShipperId = Guid.CreateVersion7();
    private static readonly ShipmentActor Shipper = new(ShipmentActorRole.Shipper, ShipperId);
    private static readonly ShipmentActor Seller = new(ShipmentActorRole.Seller, Guid.CreateVersion7());

    [Theory]
    [InlineData(ShipmentStatus.AwaitingAssignment, ShipmentStatus.PickedUp)]
    [InlineData(ShipmentStatus.AwaitingAssignment, ShipmentStatus.Delivered)]
    [InlineData(ShipmentStatus.Assigned, ShipmentStatus.InTransit)]
    [InlineData(ShipmentStatus.Assigned, ShipmentStatus.Delivered)]
    [InlineData(ShipmentStatus.PickedUp, ShipmentStatus.Cancelled)]
    [InlineData(ShipmentStatus.Delivered, ShipmentStatus.InTransit)]
    [InlineData(ShipmentStatus.Cancelled, ShipmentStatus.Assigned)]
    [InlineData(ShipmentStatus.ReturnedToShop, ShipmentStatus.InTransit)]
    public void Moves_that_are_not_in_the_table_are_refused(ShipmentStatus from, ShipmentStatus to)
    {
        var decided = ShipmentTransitions.Decide(from, to, ShipmentActorRole.Shipper, "because");

        Assert.Equal("INVALID_TRANSITION", decided.Error?.Code);
    }

    [Theory]
    [InlineData(ShipmentStatus.Assigned, ShipmentStatus.PickedUp, ShipmentActorRole.Seller)]
    [InlineData(ShipmentStatus.InTransit, ShipmentStatus.Delivered, ShipmentActorRole.Admin)]
    [InlineData(ShipmentStatus.AwaitingAssignment, ShipmentStatus.Cancelled, ShipmentActorRole.Shipper)]
    [InlineData(ShipmentStatus.AwaitingAssignment, ShipmentStatus.Assigned, ShipmentActorRole.System)]
    public void Moves_made_in_the_wrong_capacity_are_refused(ShipmentStatus from, ShipmentStatus to, ShipmentActorRole role)
    {
        Assert.Equal("FORBIDDEN_ACTOR", ShipmentTransitions.Decide(from, to, role, "because").Error?.Code);
    }

    [Fact]
    public void A_failed_attempt_needs_a_reason_and_can_be_retried_or_returned()
    {
        var shipment = InTransit(cod: 0);

        Assert.Equal("REASON_REQUIRED", shipment.Move(ShipmentStatus.FailedDelivery, Shipper, "  ", Now).Error?.Code);
        Assert.True(shipment.Move(ShipmentStatus.FailedDelivery, Shipper, "Không có ai ở nhà", Now).Succeeded);
        Assert.True(shipment.Move(ShipmentStatus.InTransit, Shipper, null, Now).Succeeded);
        Assert.True(shipment.Move(ShipmentStatus.FailedDelivery, Shipper, "Sai địa chỉ", Now).Succeeded);
        Assert.True(shipment.Move(ShipmentStatus.ReturnedToShop, Seller, null, Now).Succeeded);

        Assert.Equal(2, shipment.Attempts);
        Assert.Equal(
            [null, ShipmentStatus.AwaitingAssignment, ShipmentStatus.Assigned, ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.FailedDelivery,
             ShipmentStatus.InTransit, ShipmentStatus.FailedDelivery],
            shipment.History.Select(h => h.From));
        Assert.Equal("Sai địa chỉ", shipment.History[^2].Reason);
        Assert.Equal(ShipmentActorRole.Seller, shipment.History[^1].ActorRole);
    }

    [Fact]
    public void Delivery_needs_proof_a_photo_or_the_recipients_name()
    {
        var shipment = InTransit(cod: 0);

        Assert.Equal("PROOF_REQUIRED", shipment.Deliver(Shipper, new DeliveryProof(null, " ", null), null, Now).Error?.Code);
        Assert.Equal("PROOF_REQUIRED", shipment.Move(ShipmentStatus.Delivered, Shipper, null, Now).Error?.Code);
        Assert.Equal(ShipmentStatus.InTransit, shipment.Status);
        Assert.True(shipment.Deliver(Shipper, new DeliveryProof(Guid.CreateVersion7(), null, null), null, Now).Succeeded);
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
    }

    [Theory]
    [InlineData(null, "COD_AMOUNT_REQUIRED")]
    [InlineData(249_999, "COD_AMOUNT_MISMATCH")]
    [InlineData(250_001, "COD_AMOUNT_MISMATCH")]
    [InlineData(0, "COD_AMOUNT_MISMATCH")]
    public void Cash_on_delivery_must_be_collected_to_the_dong(int? collected, string code)
    {
        var shipment = InTransit(cod: 250_000);

        var delivered = shipment.Deliver(Shipper, new DeliveryProof(null, "Chị Lan", collected), null, Now);

        Assert.Equal(code, delivered.Error?.Code);
        Assert.Equal(ShipmentStatus.InTransit, shipment.Status);
        Assert.Null(shipment.CodCollected);
    }

    [Fact]
    public void Collected_cash_equal_to_the_amount_due_delivers_and_is_recorded()
    {
        var shipment = InTransit(cod: 250_000);

        Assert.True(shipment.Deliver(Shipper, new DeliveryProof(null, "Chị Lan", 250_000m), "Giao tận tay", Now).Succeeded);

        Assert.Equal((250_000m, "Chị Lan", 1), (shipment.CodCollected, shipment.ReceivedBy, shipment.Attempts));
    }

    [Fact]
    public void A_prepaid_parcel_collects_no_cash()
    {
        var shipment = InTransit(cod: 0);

        Assert.Equal("COD_AMOUNT_MISMATCH", shipment.Deliver(Shipper, new DeliveryProof(null, "Anh Nam", 10_000m), null, Now).Error?.Code);
        Assert.True(shipment.Deliver(Shipper, new DeliveryProof(null, "Anh Nam", 0m), null, Now).Succeeded);
        Assert.Null(shipment.CodCollected);
    }

    [Fact]
    public void A_shipment_has_one_shipper_at_a_time()
    {
        var shipment = New(cod: 0);

        Assert.True(shipment.Assign(ShipperId, Shipper, Now).Succeeded);

        Assert.Equal("ALREADY_ASSIGNED", shipment.Assign(Guid.CreateVersion7(), Seller, Now).Error?.Code);
        Assert.Equal(ShipperId, shipment.ShipperId);
    }

    [Fact]
    public void A_shipper_never_carries_more_than_the_vehicle_allows_and_cannot_set_busy_or_leave_with_parcels()
    {
        var shipper = GoShop.Shipping.Domain.Shipper.Register(Guid.CreateVersion7(), "Võ Thị Lan", VehicleType.Bicycle, "59-XĐ 001", null, Now);

        Assert.Equal("SHIPPER_OFFLINE", shipper.Take(Now).Error?.Code);
        Assert.Equal("INVALID_STATUS", shipper.SetStatus(ShipperStatus.Busy, Now).Error?.Code);
        Assert.True(shipper.SetStatus(ShipperStatus.Available, Now).Succeeded);
        Assert.True(shipper.Take(Now).Succeeded);

        Assert.Equal((1, ShipperStatus.Busy), (shipper.Capacity, shipper.EffectiveStatus));
        Assert.Equal("SHIPPER_AT_CAPACITY", shipper.Take(Now).Error?.Code);
        Assert.Equal("HAS_ACTIVE_SHIPMENTS", shipper.SetStatus(ShipperStatus.Offline, Now).Error?.Code);
        shipper.Release(ShipmentStatus.Delivered, Now);
        Assert.Equal((0, 1, ShipperStatus.Available), (shipper.ActiveShipments, shipper.DeliveredCount, shipper.EffectiveStatus));
    }

    [Fact]
    public void A_position_implying_an_impossible_speed_is_flagged_and_does_not_move_the_shipper()
    {
        var shipper = GoShop.Shipping.Domain.Shipper.Register(Guid.CreateVersion7(), "Trần Thị Hoa", VehicleType.Motorbike, "29C1-456.78", null, Now);
        var hanoi = new GeoPoint(21.0285, 105.8542);

        Assert.True(shipper.ReportLocation(hanoi, Now, 150).Trusted);
        var nearby = shipper.ReportLocation(new GeoPoint(21.0375, 105.8542), Now.AddMinutes(1), 150);
        var saigon = shipper.ReportLocation(new GeoPoint(10.7769, 106.7009), Now.AddMinutes(2), 150);

        Assert.True(nearby.Trusted);
        Assert.False(saigon.Trusted);
        Assert.True(saigon.SpeedKmh > 10_000);
        Assert.Equal(new GeoPoint(21.0375, 105.8542), shipper.Position);
    }

    [Fact]
    public void Tracking_numbers_are_readable_and_distinct()
    {
        var numbers = Enumerable.Range(0, 1000).Select(_ => TrackingNumber.New(Now)).ToList();

        Assert.All(numbers, n => Assert.Matches("^GSX261126[A-HJ-NP-Z2-9]{8}$", n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    private static Shipment New(decimal cod) => Shipment.Create(
        new ShipmentDraft(Guid.CreateVersion7(), "GS-261126-ABCDEF", Guid.CreateVersion7(), Seller.UserId!.Value, Guid.CreateVersion7(),
            new GeoPoint(21.0285, 105.8542), new GeoPoint(21.0, 105.82), "12 Lê Lợi, Hà Nội", "Chị Lan", "+84 901 234 567", 1_000, cod, "VND", null),
        "GSX261126ABCDEFGH", Now);

    private static Shipment InTransit(decimal cod)
    {
        var shipment = New(cod);
        Assert.True(shipment.Assign(ShipperId, Shipper, Now).Succeeded);
        Assert.True(shipment.Move(ShipmentStatus.PickedUp, Shipper, null, Now).Succeeded);
        Assert.True(shipment.Move(ShipmentStatus.InTransit, Shipper, null, Now).Succeeded);
        return shipment;
    }
}
