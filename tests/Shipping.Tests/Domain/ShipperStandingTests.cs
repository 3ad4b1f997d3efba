using GoShop.Shipping.Domain;

namespace GoShop.Shipping.Tests.Domain;

/// <summary>A shipper's suspension: off duty at once, no AVAILABLE until reinstated, late decisions ignored.</summary>
public sealed class ShipperStandingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_suspended_shipper_goes_offline_with_parcels_on_hand_and_cannot_go_available()
    {
        var shipper = AvailableShipper();
        shipper.Take(Now);

        Assert.True(shipper.Suspend(Now, Now));

        Assert.Equal((ShipperStatus.Offline, 1), (shipper.Status, shipper.ActiveShipments));
        Assert.Equal(ShipmentErrors.ShipperSuspended, shipper.SetStatus(ShipperStatus.Available, Now).Error);
        Assert.Equal(ShipmentErrors.ShipperOffline, shipper.CanTake().Error);
    }

    [Fact]
    public void A_reinstated_shipper_stays_offline_until_they_go_available()
    {
        var shipper = AvailableShipper();
        shipper.Suspend(Now, Now);

        Assert.True(shipper.Reinstate(Now.AddMinutes(5), Now));

        Assert.Equal(ShipperStatus.Offline, shipper.Status);
        Assert.True(shipper.SetStatus(ShipperStatus.Available, Now).Succeeded);
    }

    [Fact]
    public void A_decision_no_newer_than_the_last_applied_changes_nothing()
    {
        var shipper = AvailableShipper();

        Assert.True(shipper.Reinstate(Now.AddMinutes(5), Now));
        Assert.False(shipper.Suspend(Now, Now));
        Assert.False(shipper.Suspend(Now.AddMinutes(5), Now));

        Assert.Equal((ShipperStatus.Available, false), (shipper.Status, shipper.Suspended));
    }

    private static Shipper AvailableShipper()
    {
        var shipper = Shipper.Register(Guid.CreateVersion7(), "Lê Văn Tám", VehicleType.Motorbike, "29B1-000.00", null, Now);
        shipper.SetStatus(ShipperStatus.Available, Now);
        return shipper;
    }
}
