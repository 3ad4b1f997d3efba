using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Ordering;
using GoShop.Shipping.Data;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tracking;
using GoShop.Shipping.Workflow;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Shipping.Tests.Support;

/// <summary>A shipment created from a confirmed order, with the order's buyer and the shop's owner signed in.</summary>
public sealed record CreatedShipment(Guid ShipmentId, OrderSnapshot Order, Person Buyer, Person Seller);

public static class ShippingAppExtensions
{
    /// <summary>
    /// A random place in Vietnam's latitude band, far (almost surely) from every other test's: the tests of a class share a
    /// database, and shippers of one test must not be in reach of another's shipments.
    /// </summary>
    // To six decimals (about 0.1 m, what a phone's GPS reports): GraphQL variables pass numbers through decimal, and a
    // double of 17 significant digits does not always come back bit for bit, while one of six decimals does.
    public static GeoPoint Somewhere() => new(Math.Round(9 + Random.Shared.NextDouble() * 13, 6), Math.Round(103 + Random.Shared.NextDouble() * 6, 6));

    /// <summary>A point <paramref name="northKm"/> north and <paramref name="eastKm"/> east of <paramref name="from"/>.</summary>
    public static GeoPoint Offset(this GeoPoint from, double northKm, double eastKm = 0) =>
        new(from.Lat + northKm / 111.32, from.Lng + eastKm / (111.32 * Math.Cos(from.Lat * Math.PI / 180)));

    /// <summary>A registered shipper (signed in as SHIPPER) at <paramref name="at"/>, AVAILABLE unless told otherwise.</summary>
    public static async Task<Person> ShipperAsync(this ShippingApp app, GeoPoint at, VehicleType vehicle = VehicleType.Motorbike, bool available = true)
    {
        var person = app.SignIn(Roles.Buyer, Roles.Shipper);
        var now = app.Clock.GetUtcNow();
        var shipper = Shipper.Register(person.Id, "Shipper " + person.Id.ToString("N")[..6], vehicle, "29B1-000.00", null, now);
        shipper.ReportLocation(at, now, double.PositiveInfinity);
        if (available)
            shipper.SetStatus(ShipperStatus.Available, now);
        await app.InDatabaseAsync(async db =>
        {
            db.Shippers.Add(shipper);
            await db.SaveChangesAsync();
        });
        await app.Service<ShipperLocationIndex>().UpdateAsync(shipper);
        return person;
    }

    /// <summary>The order a seller confirmed, as ordering's OrderConfirmed carries it: picked up at <paramref name="shop"/>.</summary>
    public static (OrderSnapshot Order, Person Buyer, Person Seller) ConfirmedOrder(this ShippingApp app, GeoPoint shop, GeoPoint? dropoff = null,
        bool cod = true)
    {
        var buyer = app.SignIn();
        var seller = app.SignIn(Roles.Buyer, Roles.Seller);
        var order = TestOrders.Snapshot(buyer.Id, Guid.CreateVersion7(), (Guid.CreateVersion7(), null, 2));
        var to = dropoff ?? shop.Offset(2, 1);
        order = order with
        {
            SellerId = seller.Id,
            Status = "CONFIRMED",
            PaymentMethod = cod ? "COD" : "CARD",
            ShopLatitude = shop.Lat,
            ShopLongitude = shop.Lng,
            DeliveryAddress = order.DeliveryAddress with { Latitude = to.Lat, Longitude = to.Lng },
        };
        return (order, buyer, seller);
    }

    /// <summary>A shipment created as OrderConfirmed creates it (and offered at once to the best shipper in reach).</summary>
    public static async Task<CreatedShipment> ShipmentAsync(this ShippingApp app, GeoPoint shop, GeoPoint? dropoff = null, bool cod = true)
    {
        var (order, buyer, seller) = app.ConfirmedOrder(shop, dropoff, cod);
        var shipment = await app.CreateAsync(order);
        return new CreatedShipment(shipment.Id, order, buyer, seller);
    }

    /// <summary>Runs the shipment's creation from an order the way the OrderConfirmed handler does (in a transaction).</summary>
    public static async Task<Shipment> CreateAsync(this ShippingApp app, OrderSnapshot order)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var shipment = await scope.ServiceProvider.GetRequiredService<ShipmentWorkflow>().CreateAsync(order, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return shipment;
    }

    /// <summary>Runs a return shipment's creation the way the ReturnApproved handler does (in a transaction).</summary>
    public static async Task<Shipment> CreateReturnAsync(this ShippingApp app, OrderSnapshot order, ReturnSnapshot returned)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShippingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var shipment = await scope.ServiceProvider.GetRequiredService<ShipmentWorkflow>().CreateReturnAsync(order, returned, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return shipment;
    }

    public static Task<Shipment> ShipmentStateAsync(this ShippingApp app, Guid shipmentId) =>
        app.InDatabaseAsync(db => db.Shipments.AsNoTracking().SingleAsync(s => s.Id == shipmentId));

    public static Task<Shipper> ShipperStateAsync(this ShippingApp app, Guid shipperId) =>
        app.InDatabaseAsync(db => db.Shippers.AsNoTracking().SingleAsync(s => s.Id == shipperId));

    /// <summary>The offers of a shipment, oldest first.</summary>
    public static Task<List<ShipmentOffer>> OffersAsync(this ShippingApp app, Guid shipmentId) =>
        app.InDatabaseAsync(db => db.ShipmentOffers.AsNoTracking().Where(o => o.ShipmentId == shipmentId).OrderBy(o => o.OfferedAt).ThenBy(o => o.Id).ToListAsync());

    /// <summary>The shipper the open offer of a shipment goes to, if any.</summary>
    public static async Task<Guid?> OfferedToAsync(this ShippingApp app, Guid shipmentId) =>
        (await app.OffersAsync(shipmentId)).SingleOrDefault(o => o.Status == OfferStatus.Pending)?.ShipperId;

    /// <summary>The shipment events written to the outbox about a shipment, by type name, oldest first.</summary>
    public static async Task<List<string>> EventTypesAsync(this ShippingApp app, Guid shipmentId)
    {
        var messages = await app.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType.StartsWith("GoShop.Contracts.Shipping.")).OrderBy(m => m.Id).ToListAsync());
        return messages.Where(m => About(JsonDocument.Parse(m.Payload).RootElement, shipmentId))
            .Select(m => m.MessageType["GoShop.Contracts.Shipping.".Length..])
            .ToList();
    }

    /// <summary>The payloads of one shipment event type about a shipment.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this ShippingApp app, Type eventType, Guid shipmentId)
    {
        var payloads = await app.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.MessageType == eventType.FullName).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).Where(e => About(e, shipmentId)).ToList();
    }

    public static Task<JsonElement> MutateAsync(this Person person, string operation, object input) =>
        person.Client.MutateAsync(operation, new { input });

    public static Task<JsonElement> AcceptAsync(this Person shipper, Guid shipmentId) =>
        shipper.MutateAsync(Operations.AcceptShipment, new { shipmentId });

    public static Task<JsonElement> MoveAsync(this Person person, Guid shipmentId, string status, object? extra = null)
    {
        var input = new Dictionary<string, object?> { ["shipmentId"] = shipmentId, ["status"] = status };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
                input[property.Name] = property.GetValue(extra);
        }
        return person.MutateAsync(Operations.UpdateShipmentStatus, input);
    }

    public static Task<JsonElement> ReportAsync(this Person shipper, GeoPoint at) =>
        shipper.MutateAsync(Operations.ReportLocation, new { location = new { lat = at.Lat, lng = at.Lng } });

    /// <summary>Takes an assigned shipment to IN_TRANSIT (picked up and on the way).</summary>
    public static async Task OnTheWayAsync(this Person shipper, Guid shipmentId)
    {
        (await shipper.MoveAsync(shipmentId, "PICKED_UP")).Succeeded();
        (await shipper.MoveAsync(shipmentId, "IN_TRANSIT")).Succeeded();
    }

    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    private static bool About(JsonElement payload, Guid shipmentId) =>
        payload.TryGetProperty("shipment", out var shipment) ? shipment.GetProperty("shipmentId").GetGuid() == shipmentId
        : payload.TryGetProperty("shipmentId", out var id) && id.GetGuid() == shipmentId;
}
