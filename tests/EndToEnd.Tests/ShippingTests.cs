using System.Text.Json;
using GoShop.Testing;

namespace GoShop.EndToEnd.Tests;

/// <summary>
/// A parcel's delivery through the gateway: the seller confirms, the shipment is offered to the shipper near the shop,
/// who accepts, picks it up (the order ships), rides to the buyer (the buyer follows over SSE and WebSocket) and delivers
/// it collecting the cash (the order is delivered); a stranger may not follow it, another shipper may not move it, and a
/// wrong amount of cash is refused.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ShippingTests(Platform platform)
{
    private const string Errors = "userErrors { code field message }";

    private const string Tracking = "subscription($orderId: ID!) { shipmentTracking(orderId: $orderId) { status location { lat lng } etaMinutes at } }";

    private const string UpdateStatus =
        "mutation($input: UpdateShipmentStatusInput!) { updateShipmentStatus(input: $input) { shipment { id status } " + Errors + " } }";

    // The shop of Shopping.OpenShopAsync (1 Tràng Tiền, Hà Nội).
    private static readonly (double Lat, double Lng) Shop = (21.0245, 105.8570);

    [Fact]
    public async Task A_cod_parcel_goes_from_the_shop_to_the_buyer_followed_live_and_the_order_follows()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var shipper = await ShipperAsync(Shop.Lat + 0.0002, Shop.Lng);
        var otherShipper = await ShipperAsync(Shop.Lat + 0.3, Shop.Lng);
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 2)).Succeeded();
        var order = (await buyer.PlaceOrderAsync(addressId, "COD")).Succeeded().Orders()[0];
        var orderId = order.GetProperty("id").GetString()!;
        var total = order.Get("fees.total.amount").GetDecimal();

        (await shop.Seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();
        var offer = await Eventually.ReturnsAsync(() => OfferAsync(shipper, orderId), o => o is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(offer);
        var shipmentId = offer.Value.Get("shipment.id").GetString()!;
        Assert.Equal(total, offer.Value.Get("shipment.codAmount.amount").GetDecimal());
        (await shipper.Client.MutateAsync("mutation($input: AcceptShipmentInput!) { acceptShipment(input: $input) { shipment { id status } " + Errors + " } }",
            new { input = new { shipmentId } })).Succeeded();

        // The buyer follows over SSE and over WebSocket; a stranger is refused.
        using var sse = await ServerSentEvents.SubscribeAsync(platform.Http, Tracking, buyer.Token, new { orderId }, cancellationToken: timeout.Token);
        await using var sseEvents = ServerSentEvents.ReadAsync(sse, timeout.Token).GetAsyncEnumerator(timeout.Token);
        await using var socket = await GraphQLWebSocket.ConnectAsync(new Uri($"ws://{platform.GatewayUrl.Authority}/graphql"), buyer.Token, timeout.Token);
        await socket.SubscribeAsync("tracking", Tracking, new { orderId }, timeout.Token);
        var first = await NextSseAsync(sseEvents);
        var firstWs = await NextWsAsync(socket, timeout.Token);
        Assert.Equal(("ASSIGNED", "ASSIGNED"), (first.GetProperty("status").GetString(), firstWs.GetProperty("status").GetString()));
        Assert.Equal(Shop.Lat + 0.0002, first.Get("location.lat").GetDouble(), 6);
        // The first event (where the shipment is now) is sent as the subscription attaches to its topic: both are live.
        Assert.Contains("FORBIDDEN", await RefusalAsync((await Shopping.SignUpAsync(platform)).Token, orderId, timeout.Token), StringComparison.Ordinal);

        // Another shipper cannot move it; its own shipper picks it up and the order ships.
        Assert.Equal(["NOT_ASSIGNED_SHIPPER"], (await otherShipper.Client.MutateAsync(UpdateStatus, new { input = new { shipmentId, status = "PICKED_UP" } })).UserErrorCodes());
        await Task.Delay(1000);
        await ReportAsync(shipper, Shop.Lat, Shop.Lng);
        (await shipper.Client.MutateAsync(UpdateStatus, new { input = new { shipmentId, status = "PICKED_UP" } })).Succeeded();
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "SHIPPED", "the order to ship");
        (await shipper.Client.MutateAsync(UpdateStatus, new { input = new { shipmentId, status = "IN_TRANSIT" } })).Succeeded();
        await Task.Delay(1000);
        await ReportAsync(shipper, Shop.Lat - 0.0002, Shop.Lng + 0.0001);

        var heardSse = new List<JsonElement>();
        var heardWs = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            heardSse.Add(await NextSseAsync(sseEvents));
            heardWs.Add(await NextWsAsync(socket, timeout.Token));
        }
        foreach (var heard in new[] { heardSse, heardWs })
        {
            Assert.Equal(["ASSIGNED", "PICKED_UP", "IN_TRANSIT", "IN_TRANSIT"], heard.Select(e => e.GetProperty("status").GetString()));
            Assert.Equal(Shop.Lat, heard[0].Get("location.lat").GetDouble(), 6);
            Assert.Equal(Shop.Lat - 0.0002, heard[3].Get("location.lat").GetDouble(), 6);
            Assert.True(heard[3].GetProperty("etaMinutes").GetInt32() > 0);
        }

        // Cash on delivery: exactly the amount due.
        var wrongCash = await shipper.Client.MutateAsync(UpdateStatus,
            new { input = new { shipmentId, status = "DELIVERED", recipientName = "Trần Thị Bình", codCollected = total - 1000 } });
        Assert.Equal(["COD_AMOUNT_MISMATCH"], wrongCash.UserErrorCodes());
        (await shipper.Client.MutateAsync(UpdateStatus,
            new { input = new { shipmentId, status = "DELIVERED", recipientName = "Trần Thị Bình", codCollected = total } })).Succeeded();
        Assert.Equal("DELIVERED", (await NextSseAsync(sseEvents)).GetProperty("status").GetString());
        Assert.Equal("DELIVERED", (await NextWsAsync(socket, timeout.Token)).GetProperty("status").GetString());
        await Eventually.HoldsAsync(async () => await buyer.OrderStatusAsync(orderId) == "DELIVERED", "the order to be delivered");
        var seen = (await buyer.Client.SendAsync("query($id: ID!) { order(id: $id) { shipment { id status trackingNumber shipper { id } } } }", new { id = orderId }))
            .EnsureNoErrors().Get("order.shipment");
        Assert.Equal(("DELIVERED", shipmentId), (seen.GetProperty("status").GetString(), seen.GetProperty("id").GetString()));

        foreach (var done in new[] { shipper, otherShipper })
            (await done.Client.MutateAsync("mutation { setShipperStatus(input: { status: OFFLINE }) { " + Errors + " } }")).Succeeded();
    }

    [Fact]
    public async Task A_long_distance_quote_grows_with_weight_and_its_breakdown_says_why()
    {
        const string Quote = "query($input: ShippingQuoteInput!) { shippingQuote(input: $input) { fee { amount } breakdown { label amount { amount } } } }";
        var anyone = platform.Client();
        async Task<JsonElement> QuoteAsync((double Lat, double Lng) to, int weightGrams) =>
            (await anyone.SendAsync(Quote, new { input = new { from = new { lat = 21.0245, lng = 105.8412 }, to = new { lat = to.Lat, lng = to.Lng }, weightGrams } }))
                .EnsureNoErrors().Get("shippingQuote");
        static decimal Fee(JsonElement quote) => quote.Get("fee.amount").GetDecimal();
        (double, double) hoChiMinhCity = (10.77, 106.70), daNang = (16.0544, 108.2022);

        var light = await QuoteAsync(hoChiMinhCity, 500);
        var heavy = await QuoteAsync(hoChiMinhCity, 20_000);
        var lightToDaNang = await QuoteAsync(daNang, 500);
        var threeKilosToDaNang = await QuoteAsync(daNang, 3_000);

        Assert.True(Fee(heavy) > Fee(light), $"20 kg cost {Fee(heavy)}, 500 g cost {Fee(light)} from Hà Nội to Hồ Chí Minh City.");
        Assert.True(Fee(threeKilosToDaNang) > Fee(lightToDaNang), $"3 kg cost {Fee(threeKilosToDaNang)}, 500 g cost {Fee(lightToDaNang)} to Đà Nẵng.");
        // The breakdown adds up to the fee, and names the weight it charged for.
        var lines = heavy.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(Fee(heavy), lines.Sum(line => line.Get("amount.amount").GetDecimal()));
        Assert.Contains(lines, line => line.GetProperty("label").GetString()!.StartsWith("Weight 20000 g", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracking_opened_as_the_order_is_placed_waits_for_the_shipment_and_sees_the_shipper_move()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var shipper = await ShipperAsync(Shop.Lat + 0.0001, Shop.Lng);
        var shop = await Shopping.OpenShopAsync(platform, 5);
        var (buyer, addressId) = await Shopping.BuyerWithAddressAsync(platform);
        (await buyer.AddToCartAsync(shop.ProductIds[0], 1)).Succeeded();
        var orderId = (await buyer.PlaceOrderAsync(addressId, "COD")).Succeeded().Orders()[0].GetProperty("id").GetString()!;

        // The order page subscribes at once, before the seller has confirmed: there is no shipment yet.
        using var sse = await ServerSentEvents.SubscribeAsync(platform.Http, Tracking, buyer.Token, new { orderId }, cancellationToken: timeout.Token);
        await using var events = ServerSentEvents.ReadAsync(sse, timeout.Token).GetAsyncEnumerator(timeout.Token);
        (await shop.Seller.OrderMutationAsync("confirmOrder", new { orderId })).Succeeded();
        var created = await NextSseAsync(events);
        var offer = await Eventually.ReturnsAsync(() => OfferAsync(shipper, orderId), o => o is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(offer);
        (await shipper.Client.MutateAsync("mutation($input: AcceptShipmentInput!) { acceptShipment(input: $input) { shipment { id status } " + Errors + " } }",
            new { input = new { shipmentId = offer.Value.Get("shipment.id").GetString() } })).Succeeded();
        await Task.Delay(1000);
        await ReportAsync(shipper, Shop.Lat, Shop.Lng);

        var heard = new List<JsonElement> { created };
        while (heard[^1].GetProperty("status").GetString() != "ASSIGNED" || heard[^1].Get("location.lat").GetDouble() != Shop.Lat)
            heard.Add(await NextSseAsync(events));
        Assert.Equal("AWAITING_ASSIGNMENT", created.GetProperty("status").GetString());
        Assert.Equal(Shop.Lat, heard[^1].Get("location.lat").GetDouble(), 6);

        // The shop cancels before pickup, which frees the shipper to go offline and leave the shop's parcels to the other tests.
        (await shop.Seller.OrderMutationAsync("cancelOrder", new { orderId, reason = "Hết hàng" })).Succeeded();
        await Eventually.HoldsAsync(async () => (await shipper.Client.MutateAsync("mutation { setShipperStatus(input: { status: OFFLINE }) { " + Errors + " } }"))
            .UserErrorCodes().Count == 0, "the shipper to be free to go offline");
    }

    private Task<Shopper> ShipperAsync(double lat, double lng) => ShipperAsync(platform, lat, lng);

    /// <summary>A new account registered as a shipper (identity tells shipping), AVAILABLE at the given point.</summary>
    internal static async Task<Shopper> ShipperAsync(Platform platform, double lat, double lng)
    {
        var person = await Shopping.SignUpAsync(platform);
        (await person.Client.MutateAsync("mutation($input: RegisterAsShipperInput!) { registerAsShipper(input: $input) { user { id } " + Errors + " } }",
            new { input = new { vehicleType = "MOTORBIKE", plateNumber = "29B1-" + Random.Shared.Next(100, 999) + ".00", idNumber = "0010" + Random.Shared.Next(10_000_000, 99_999_999) } }))
            .Succeeded();
        // Shipping learns of the shipper from identity's event.
        await Eventually.HoldsAsync(async () =>
            (await person.Client.SendAsync("{ me { shipper { id } } }")).EnsureNoErrors().Get("me.shipper").ValueKind == JsonValueKind.Object,
            "shipping to know the new shipper");
        (await person.Client.MutateAsync("mutation { setShipperStatus(input: { status: AVAILABLE }) { " + Errors + " } }")).Succeeded();
        await ReportAsync(person, lat, lng);
        return person;
    }

    internal static async Task ReportAsync(Shopper shipper, double lat, double lng)
    {
        var reported = (await shipper.Client.MutateAsync(
            "mutation($input: ReportLocationInput!) { reportLocation(input: $input) { trusted " + Errors + " } }",
            new { input = new { location = new { lat, lng } } })).Succeeded();
        Assert.True(reported.GetProperty("trusted").GetBoolean());
    }

    /// <summary>The shipper's open offer of a shipment of the order, if any.</summary>
    internal static async Task<JsonElement?> OfferAsync(Shopper shipper, string orderId)
    {
        var offers = (await shipper.Client.SendAsync("{ myOffers { id shipment { id order { id } codAmount { amount } } } }")).EnsureNoErrors().Get("myOffers");
        foreach (var offer in offers.EnumerateArray())
        {
            if (offer.Get("shipment.order.id").GetString() == orderId)
                return offer.Clone();
        }
        return null;
    }

    private static async Task<JsonElement> NextSseAsync(IAsyncEnumerator<ServerSentEvent> events)
    {
        Assert.True(await events.MoveNextAsync(), "The stream ended.");
        Assert.Equal("next", events.Current.Event);
        return JsonDocument.Parse(events.Current.Data).RootElement.Get("data.shipmentTracking").Clone();
    }

    private static async Task<JsonElement> NextWsAsync(GraphQLWebSocket socket, CancellationToken cancellationToken)
    {
        var message = await socket.ReceiveAsync(cancellationToken);
        Assert.Equal(("next", "tracking"), (message.GetProperty("type").GetString(), message.GetProperty("id").GetString()));
        return message.Get("payload.data.shipmentTracking").Clone();
    }

    private async Task<string> RefusalAsync(string token, string orderId, CancellationToken cancellationToken)
    {
        using var stream = await ServerSentEvents.SubscribeAsync(platform.Http, Tracking, token, new { orderId }, cancellationToken: cancellationToken);
        await foreach (var message in ServerSentEvents.ReadAsync(stream, cancellationToken))
            return message.Data;
        return "(the stream ended without telling why)";
    }
}
