using System.Text.Json;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;

namespace GoShop.Shipping.Tests;

/// <summary>The shipping subgraph as the gateway sees it: its SDL and its entities (Order.shipment, User.shipper, Shipper).</summary>
public sealed class FederationTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    [Fact]
    public async Task The_checked_in_shipping_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "shipping");
    }

    [Fact]
    public async Task Order_shipment_is_resolved_for_the_orders_people_only_and_user_shipper_for_anyone()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var created = await app.ShipmentAsync(shop);
        (await shipper.AcceptAsync(created.ShipmentId)).Succeeded();
        var representations = new object[]
        {
            new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = created.Order.OrderId.ToString() },
            new Dictionary<string, object> { ["__typename"] = "Order", ["id"] = Guid.CreateVersion7().ToString() },
            new Dictionary<string, object> { ["__typename"] = "User", ["id"] = shipper.Id.ToString() },
            new Dictionary<string, object> { ["__typename"] = "User", ["id"] = created.Buyer.Id.ToString() },
            new Dictionary<string, object> { ["__typename"] = "Shipper", ["id"] = shipper.Id.ToString() },
        };

        var asBuyer = (await created.Buyer.Client.SendAsync(Operations.ResolveEntities, new { representations })).EnsureNoErrors().Get("_entities");
        var asStranger = (await app.SignIn().Client.SendAsync(Operations.ResolveEntities, new { representations })).EnsureNoErrors().Get("_entities");

        var shipment = asBuyer[0].GetProperty("shipment");
        Assert.Equal((created.ShipmentId, "ASSIGNED", shipper.Id), (shipment.Id(), shipment.Text("status"), shipment.GetProperty("shipper").Id()));
        Assert.Matches("^GSX[0-9]{6}[A-Z2-9]{8}$", shipment.Text("trackingNumber"));
        Assert.Equal(JsonValueKind.Null, asBuyer[1].GetProperty("shipment").ValueKind);
        Assert.Equal(("MOTORBIKE", "AVAILABLE"), (asBuyer[2].GetProperty("shipper").Text("vehicleType"), asBuyer[2].GetProperty("shipper").Text("status")));
        Assert.Equal(JsonValueKind.Null, asBuyer[3].GetProperty("shipper").ValueKind);
        Assert.Equal(3, asBuyer[4].GetProperty("capacity").GetInt32());
        Assert.Equal(JsonValueKind.Null, asStranger[0].GetProperty("shipment").ValueKind);
    }
}
