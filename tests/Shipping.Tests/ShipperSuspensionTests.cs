using GoShop.Contracts;
using GoShop.Contracts.Identity;
using GoShop.Shipping.Assignment;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shipping.Tests;

/// <summary>
/// Identity's UserSuspended and UserReinstated, delivered through RabbitMQ: a suspended shipper goes off duty, their open
/// offers pass to the next shipper, shipments they accepted stay theirs; reinstated, they may work again. Late or
/// replayed events change nothing, and a user who is no shipper is left alone.
/// </summary>
public sealed class ShipperSuspensionTests(ShippingApp app) : IClassFixture<ShippingApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_suspended_shipper_goes_offline_and_their_open_offer_passes_to_the_next_shipper()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var suspended = await app.ShipperAsync(shop.Offset(0.5));
        var next = await app.ShipperAsync(shop.Offset(1.5));
        var created = await app.ShipmentAsync(shop);
        Assert.Equal(suspended.Id, await app.OfferedToAsync(created.ShipmentId));

        await PublishAsync(new UserSuspended(suspended.Id, "Giao hàng giả", app.Clock.GetUtcNow()));

        var shipper = await app.ShipperStateAsync(suspended.Id);
        Assert.Equal((ShipperStatus.Offline, true), (shipper.Status, shipper.Suspended));
        var offers = await app.OffersAsync(created.ShipmentId);
        Assert.Equal((OfferStatus.Withdrawn, ShipperSuspension.WithdrawnReason), (offers[0].Status, offers[0].Reason));
        Assert.Equal(next.Id, await app.OfferedToAsync(created.ShipmentId));
        Assert.Equal(["NO_OFFER"], (await suspended.AcceptAsync(created.ShipmentId)).UserErrorCodes());
        Assert.Equal(["SHIPPER_SUSPENDED"], (await suspended.MutateAsync(Operations.SetShipperStatus, new { status = "AVAILABLE" })).UserErrorCodes());
    }

    [Fact]
    public async Task Shipments_a_suspended_shipper_accepted_stay_theirs_to_finish()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();

        await PublishAsync(new UserSuspended(shipper.Id, "Giao hàng giả", app.Clock.GetUtcNow()));
        await shipper.OnTheWayAsync(created.ShipmentId);

        var shipment = await app.ShipmentStateAsync(created.ShipmentId);
        Assert.Equal((shipper.Id, ShipmentStatus.InTransit), (shipment.ShipperId, shipment.Status));
        var state = await app.ShipperStateAsync(shipper.Id);
        Assert.Equal((ShipperStatus.Offline, 1), (state.Status, state.ActiveShipments));
    }

    [Fact]
    public async Task A_reinstated_shipper_may_go_available_again()
    {
        var shipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere());
        var suspendedAt = app.Clock.GetUtcNow();

        await PublishAsync(new UserSuspended(shipper.Id, "Giao hàng giả", suspendedAt));
        await PublishAsync(new UserReinstated(shipper.Id, suspendedAt.AddMinutes(5)));

        Assert.Equal(ShipperStatus.Offline, (await app.ShipperStateAsync(shipper.Id)).Status);
        (await shipper.MutateAsync(Operations.SetShipperStatus, new { status = "AVAILABLE" })).Succeeded();
    }

    [Fact]
    public async Task A_replayed_suspension_is_harmless()
    {
        var shipper = await app.ShipperAsync(ShippingAppExtensions.Somewhere());
        var suspended = new UserSuspended(shipper.Id, "Giao hàng giả", app.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();

        await PublishAsync(suspended, messageId);
        await PublishAsync(suspended, messageId);
        await PublishAsync(suspended);
        await PublishAsync(new UserReinstated(shipper.Id, suspended.OccurredAt.AddMinutes(5)));
        await PublishAsync(suspended);

        Assert.False((await app.ShipperStateAsync(shipper.Id)).Suspended);
        (await shipper.MutateAsync(Operations.SetShipperStatus, new { status = "AVAILABLE" })).Succeeded();
    }

    [Fact]
    public async Task A_suspension_older_than_the_reinstatement_already_applied_changes_nothing()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        var suspendedAt = app.Clock.GetUtcNow();

        await PublishAsync(new UserReinstated(shipper.Id, suspendedAt.AddMinutes(5)));
        await PublishAsync(new UserSuspended(shipper.Id, "Giao hàng giả", suspendedAt));

        var state = await app.ShipperStateAsync(shipper.Id);
        Assert.Equal((ShipperStatus.Available, false), (state.Status, state.Suspended));
        Assert.Equal(shipper.Id, await app.OfferedToAsync(created.ShipmentId));
    }

    [Fact]
    public async Task Suspending_a_user_who_is_no_shipper_changes_nothing_in_shipping()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        var buyer = app.SignIn();

        await PublishAsync(new UserSuspended(buyer.Id, "Spam", app.Clock.GetUtcNow()));

        Assert.False(await app.InDatabaseAsync(db => db.Shippers.AnyAsync(s => s.Id == buyer.Id)));
        Assert.Equal(ShipperStatus.Available, (await app.ShipperStateAsync(shipper.Id)).Status);
        Assert.Equal(shipper.Id, await app.OfferedToAsync(created.ShipmentId));
    }

    /// <summary>Publishes an event and waits until shipping handled it (its id is in the inbox).</summary>
    private async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent
    {
        var id = messageId ?? Guid.NewGuid();
        await app.Service<IBus>().Publish(message, context => context.MessageId = id);
        await Eventually.HoldsAsync(() => app.InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id)), $"message {id} to be handled");
    }
}
