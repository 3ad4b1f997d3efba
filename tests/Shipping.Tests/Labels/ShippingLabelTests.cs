using System.Net;
using System.Text;
using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Shipping.Domain;
using GoShop.Shipping.Tests.Support;
using GoShop.Testing;

namespace GoShop.Shipping.Tests.Labels;

/// <summary>createShippingLabel and GET /labels/{id}.pdf: for the shop's owner, an admin or the assigned shipper, at a signed, expiring URL.</summary>
public sealed class ShippingLabelTests(ShippingApp app) : IClassFixture<ShippingApp>
{
    private const string CreateLabel = """
        mutation($input: CreateShippingLabelInput!) {
          createShippingLabel(input: $input) { label { shipmentId trackingNumber url expiresAt format pageSize } userErrors { code field message } }
        }
        """;

    [Fact]
    public async Task The_shop_owner_gets_a_url_that_opens_the_A6_PDF_in_a_browser_until_it_expires()
    {
        var shipment = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var state = await app.ShipmentStateAsync(shipment.ShipmentId);

        var label = (await CreateAsync(shipment.Seller, shipment.ShipmentId)).Succeeded().GetProperty("label");
        var url = new Uri(label.Text("url")!);
        using var response = await Browser().GetAsync(url.PathAndQuery);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal((shipment.ShipmentId, state.TrackingNumber, "PDF", "A6"),
            (label.GetProperty("shipmentId").GetGuid(), label.Text("trackingNumber"), label.Text("format"), label.Text("pageSize")));
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds(), label.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains($"GoShop label {state.TrackingNumber}", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await Browser().GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task A_tampered_or_unsigned_url_is_refused()
    {
        var shipment = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var other = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var url = new Uri((await CreateAsync(shipment.Seller, shipment.ShipmentId)).Succeeded().Get("label.url").GetString()!);

        using var otherShipment = await Browser().GetAsync(url.PathAndQuery.Replace(shipment.ShipmentId.ToString(), other.ShipmentId.ToString(), StringComparison.Ordinal));
        using var unsigned = await Browser().GetAsync($"/labels/{shipment.ShipmentId}.pdf");
        using var longer = await Browser().GetAsync(url.PathAndQuery.Replace("expires=", "expires=9", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, otherShipment.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, longer.StatusCode);
    }

    [Fact]
    public async Task An_admin_and_the_assigned_shipper_may_print_it_and_nobody_else()
    {
        var shop = ShippingAppExtensions.Somewhere();
        var shipper = await app.ShipperAsync(shop.Offset(0.5));
        var shipment = await app.ShipmentAsync(shop);

        var strangerBefore = await Send(app.SignIn(Roles.Buyer, Roles.Shipper), shipment.ShipmentId);
        var shipperBefore = await Send(shipper, shipment.ShipmentId);
        (await shipper.AcceptAsync(shipment.ShipmentId)).Succeeded();
        var shipperAfter = await CreateAsync(shipper, shipment.ShipmentId);
        var admin = await CreateAsync(app.Admin(), shipment.ShipmentId);
        var buyer = await Send(shipment.Buyer, shipment.ShipmentId);
        var anonymous = await app.Client().SendAsync(CreateLabel, new { input = new { shipmentId = shipment.ShipmentId } });

        Assert.Equal(["FORBIDDEN"], strangerBefore.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], shipperBefore.ErrorCodes);
        Assert.NotNull(shipperAfter.Succeeded().Get("label.url").GetString());
        Assert.NotNull(admin.Succeeded().Get("label.url").GetString());
        Assert.Equal(["FORBIDDEN"], buyer.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
    }

    [Fact]
    public async Task No_label_for_an_unknown_or_cancelled_shipment()
    {
        var shipment = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var url = new Uri((await CreateAsync(shipment.Seller, shipment.ShipmentId)).Succeeded().Get("label.url").GetString()!);
        await app.InDatabaseAsync(async db =>
        {
            var cancelled = await db.Shipments.FindAsync(shipment.ShipmentId);
            Assert.True(cancelled!.Move(ShipmentStatus.Cancelled, ShipmentActor.System, "The order was cancelled.", app.Clock.GetUtcNow()).Succeeded);
            await db.SaveChangesAsync();
        });

        var unknown = await CreateAsync(shipment.Seller, Guid.CreateVersion7());
        var cancelledLabel = await CreateAsync(shipment.Seller, shipment.ShipmentId);
        using var opened = await Browser().GetAsync(url.PathAndQuery);

        Assert.Equal(["SHIPMENT_NOT_FOUND"], unknown.UserErrorCodes());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("label").ValueKind);
        Assert.Equal(["SHIPMENT_CANCELLED"], cancelledLabel.UserErrorCodes());
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
    }

    [Fact]
    public async Task A_label_opened_while_shops_cannot_answer_is_503_not_a_label_without_its_sender()
    {
        var shipment = await app.ShipmentAsync(ShippingAppExtensions.Somewhere());
        var url = new Uri((await CreateAsync(shipment.Seller, shipment.ShipmentId)).Succeeded().Get("label.url").GetString()!);

        app.Shops.Down = true;
        try
        {
            using var response = await Browser().GetAsync(url.PathAndQuery);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            app.Shops.Down = false;
        }
    }

    private Task<JsonElement> CreateAsync(Person person, Guid shipmentId) =>
        person.Client.MutateAsync(CreateLabel, new { input = new { shipmentId } });

    private Task<GraphQLResponse> Send(Person person, Guid shipmentId) =>
        person.Client.SendAsync(CreateLabel, new { input = new { shipmentId } });

    /// <summary>A browser: no token, no internal key.</summary>
    private HttpClient Browser() => app.Factory.CreateClient();
}
