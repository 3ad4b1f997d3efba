using GoShop.BuildingBlocks.Domain;
using GoShop.Shops.Domain;

namespace GoShop.Shops.Tests.Domain;

/// <summary>Which shops an owner's suspension hides and brings back, and how the owner's standing orders late events.</summary>
public sealed class OwnerSuspensionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_an_active_shop_is_hidden_with_its_owner()
    {
        var active = NewShop();
        var byAdmin = NewShop();
        byAdmin.Suspend(Now);
        var closed = NewShop();
        closed.Close(Now);

        Assert.True(active.HideWithOwner(Now));
        Assert.False(byAdmin.HideWithOwner(Now));
        Assert.False(closed.HideWithOwner(Now));
        Assert.Equal((ShopStatus.Suspended, true), (active.Status, active.HiddenWithOwner));
        Assert.Equal((ShopStatus.Suspended, false), (byAdmin.Status, byAdmin.HiddenWithOwner));
        Assert.Equal(ShopStatus.Closed, closed.Status);
    }

    [Fact]
    public void Reinstatement_returns_only_a_shop_the_suspension_hid()
    {
        var hidden = NewShop();
        hidden.HideWithOwner(Now);
        var byAdmin = NewShop();
        byAdmin.Suspend(Now);

        Assert.True(hidden.ReturnWithOwner(Now));
        Assert.False(byAdmin.ReturnWithOwner(Now));
        Assert.Equal((ShopStatus.Active, false), (hidden.Status, hidden.HiddenWithOwner));
        Assert.Equal(ShopStatus.Suspended, byAdmin.Status);
    }

    [Fact]
    public void An_admin_who_acts_on_a_hidden_shop_takes_it_over()
    {
        var suspended = NewShop();
        suspended.HideWithOwner(Now);
        var reactivated = NewShop();
        reactivated.HideWithOwner(Now);
        var closed = NewShop();
        closed.HideWithOwner(Now);

        Assert.True(suspended.Suspend(Now).Succeeded);
        Assert.True(reactivated.Reactivate(Now).Succeeded);
        Assert.True(closed.Close(Now).Succeeded);

        Assert.All([suspended, reactivated, closed], shop => Assert.False(shop.HiddenWithOwner));
        Assert.False(suspended.ReturnWithOwner(Now));
        Assert.Equal(ShopStatus.Suspended, suspended.Status);
    }

    [Fact]
    public void The_standing_takes_only_a_decision_newer_than_the_one_it_holds()
    {
        var standing = OwnerStanding.Of(Guid.CreateVersion7());

        Assert.True(standing.Decide(suspended: false, Now.AddMinutes(5)));
        Assert.False(standing.Decide(suspended: true, Now));
        Assert.False(standing.Decide(suspended: true, Now.AddMinutes(5)));
        Assert.True(standing.Decide(suspended: true, Now.AddMinutes(6)));

        Assert.Equal((true, Now.AddMinutes(6)), (standing.Suspended, standing.DecidedAt));
    }

    private static Shop NewShop() => Shop.Open(Guid.CreateVersion7(), "cua-hang", new ShopProfile(
        "Cửa Hàng", null, "1 Tràng Tiền, Hà Nội", "Hà Nội", new GeoPoint(21.0285, 105.8542), null, null, null, null, []), Now);
}
