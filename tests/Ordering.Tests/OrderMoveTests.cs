using System.Text.Json;
using GoShop.Contracts.Ordering;
using GoShop.Ordering.Tests.Support;
using GoShop.Testing;

namespace GoShop.Ordering.Tests;

/// <summary>
/// The people's moves of an order (confirmOrder ... rejectReturn): each follows the transition table, records who did
/// it and why, and writes its event to the outbox in the same transaction; a refused move changes nothing.
/// </summary>
public sealed class OrderMoveTests(OrderingApp app) : IClassFixture<OrderingApp>
{
    [Fact]
    public async Task From_confirmation_to_an_approved_return_every_move_is_recorded_and_published()
    {
        var placed = await app.PlaceOrderAsync();
        var seller = placed.Seller.Seller;
        var buyer = placed.Buyer.Buyer;

        (await seller.MoveAsync("confirmOrder", placed.OrderId)).Succeeded();
        var shipped = (await seller.MoveAsync("shipOrder", placed.OrderId, ("carrier", "GHN"), ("trackingNumber", "GHN-12345"))).Succeeded();
        var delivered = (await seller.MoveAsync("markOrderDelivered", placed.OrderId)).Succeeded();
        (await buyer.MoveAsync("requestReturn", placed.OrderId, ("reason", "Giày bị rách"))).Succeeded();
        var approved = (await seller.MoveAsync("approveReturn", placed.OrderId)).Succeeded();

        Assert.Equal(("GHN", "GHN-12345"), (shipped.GetProperty("order").Text("carrier"), shipped.GetProperty("order").Text("trackingNumber")));
        var deliveredAt = delivered.GetProperty("order").GetProperty("deliveredAt").GetDateTimeOffset();
        Assert.Equal(deliveredAt.AddDays(7), delivered.GetProperty("order").GetProperty("returnDeadline").GetDateTimeOffset());
        var history = approved.GetProperty("order").GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED"], history.Select(h => h.Text("to")));
        Assert.Equal(["BUYER", "SELLER", "SELLER", "SELLER", "BUYER", "SELLER"], history.Select(h => h.Text("actorRole")));
        Assert.Equal([buyer.Id, seller.Id, seller.Id, seller.Id, buyer.Id, seller.Id], history.Select(h => h.GetProperty("actor").Id()));
        Assert.Equal("Giày bị rách", history[4].Text("reason"));

        Assert.Equal(["OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered", "ReturnRequested", "ReturnApproved"],
            await app.EventTypesAsync(placed.OrderId));
        var returned = Assert.Single(await app.EventsAsync(typeof(ReturnRequested), placed.OrderId));
        Assert.Equal("RETURN_REQUESTED", returned.GetProperty("order").Text("status"));
        Assert.Equal(("BUYER", buyer.Id, "Giày bị rách"),
            (returned.GetProperty("actor").Text("role"), returned.GetProperty("actor").GetProperty("userId").GetGuid(), returned.GetProperty("actor").Text("reason")));
        var shippedEvent = Assert.Single(await app.EventsAsync(typeof(OrderShipped), placed.OrderId));
        Assert.Equal(("SHIPPED", "SELLER", placed.Product.ProductId), (shippedEvent.GetProperty("order").Text("status"),
            shippedEvent.GetProperty("actor").Text("role"), shippedEvent.GetProperty("order").GetProperty("lines")[0].GetProperty("productId").GetGuid()));
    }

    [Fact]
    public async Task The_buyer_completes_a_delivered_order_and_the_seller_completes_one_by_rejecting_its_return()
    {
        var kept = await DeliveredAsync();
        var disputed = await DeliveredAsync();

        var completed = (await kept.Buyer.Buyer.MoveAsync("completeOrder", kept.OrderId)).Succeeded();
        (await disputed.Buyer.Buyer.MoveAsync("requestReturn", disputed.OrderId, ("reason", "Không vừa"))).Succeeded();
        var rejected = (await disputed.Seller.Seller.MoveAsync("rejectReturn", disputed.OrderId, ("reason", "Đã quá hạn đổi size"))).Succeeded();

        Assert.Equal("COMPLETED", completed.GetProperty("order").Text("status"));
        Assert.Equal("COMPLETED", rejected.GetProperty("order").Text("status"));
        Assert.Equal("Đã quá hạn đổi size", rejected.GetProperty("order").GetProperty("statusHistory").EnumerateArray().Last().Text("reason"));
        Assert.Equal("OrderCompleted", (await app.EventTypesAsync(kept.OrderId))[^1]);
        Assert.Equal(["ReturnRequested", "ReturnRejected", "OrderCompleted"], (await app.EventTypesAsync(disputed.OrderId))[^3..]);
    }

    [Fact]
    public async Task An_admin_may_do_what_the_seller_does_and_is_recorded_as_admin()
    {
        var placed = await app.PlaceOrderAsync();
        var admin = app.Admin();

        var confirmed = (await admin.MoveAsync("confirmOrder", placed.OrderId)).Succeeded();
        var cancelled = await admin.MoveAsync("cancelOrder", placed.OrderId, ("reason", "Gian lận"));

        var last = confirmed.GetProperty("order").GetProperty("statusHistory").EnumerateArray().Last();
        Assert.Equal(("ADMIN", admin.Id), (last.Text("actorRole"), last.GetProperty("actor").Id()));
        Assert.Equal("CANCELLED", cancelled.Succeeded().GetProperty("order").Text("status"));
    }

    [Fact]
    public async Task The_buyer_cancels_without_a_reason_the_seller_only_with_one()
    {
        var byBuyer = await app.PlaceOrderAsync();
        var bySeller = await app.PlaceOrderAsync();

        var buyerCancels = await byBuyer.Buyer.Buyer.MoveAsync("cancelOrder", byBuyer.OrderId, ("reason", ""));
        var sellerWithout = await bySeller.Seller.Seller.MoveAsync("cancelOrder", bySeller.OrderId, ("reason", "  "));
        var sellerWith = await bySeller.Seller.Seller.MoveAsync("cancelOrder", bySeller.OrderId, ("reason", "Hết hàng"));

        Assert.Equal("CANCELLED", buyerCancels.Succeeded().GetProperty("order").Text("status"));
        Assert.Equal(["REASON_REQUIRED"], sellerWithout.Codes());
        Assert.Equal("CANCELLED", sellerWith.Succeeded().GetProperty("order").Text("status"));
        var cancelled = Assert.Single(await app.EventsAsync(typeof(OrderCancelled), bySeller.OrderId));
        Assert.Equal(("PENDING", "SELLER", "Hết hàng", "CANCELLED"),
            (cancelled.Text("fromStatus"), cancelled.GetProperty("actor").Text("role"), cancelled.GetProperty("actor").Text("reason"), cancelled.GetProperty("order").Text("status")));
    }

    [Fact]
    public async Task Refused_moves_are_user_errors_with_codes_and_change_nothing()
    {
        var placed = await app.PlaceOrderAsync();
        var buyer = placed.Buyer.Buyer;
        var seller = placed.Seller.Seller;

        var unknown = await seller.MoveAsync("confirmOrder", Guid.CreateVersion7());
        var stranger = await app.SignIn().MoveAsync("cancelOrder", placed.OrderId, ("reason", "x"));
        var buyerConfirms = await buyer.MoveAsync("confirmOrder", placed.OrderId);
        var tooEarly = await seller.MoveAsync("shipOrder", placed.OrderId);
        var notDelivered = await buyer.MoveAsync("requestReturn", placed.OrderId, ("reason", "Hỏng"));
        var tooLong = await seller.MoveAsync("cancelOrder", placed.OrderId, ("reason", new string('x', 501)));
        var longCarrier = await seller.MoveAsync("shipOrder", placed.OrderId, ("carrier", new string('c', 101)));

        Assert.Equal(["ORDER_NOT_FOUND"], unknown.Codes());
        Assert.Equal(["NOT_ORDER_PARTICIPANT"], stranger.Codes());
        Assert.Equal(["FORBIDDEN_ACTOR"], buyerConfirms.Codes());
        Assert.Equal(["INVALID_TRANSITION"], tooEarly.Codes());
        Assert.Equal("This order cannot go from PENDING to SHIPPED.", tooEarly.GetProperty("userErrors")[0].Text("message"));
        Assert.Equal(["input", "orderId"], tooEarly.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["INVALID_TRANSITION"], notDelivered.Codes());
        Assert.Equal(["TOO_LONG"], tooLong.Codes());
        Assert.Equal(["TOO_LONG"], longCarrier.Codes());
        Assert.All(new[] { unknown, stranger, buyerConfirms, tooEarly }, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("order").ValueKind));

        var order = await buyer.OrderAsync(placed.OrderId);
        Assert.Equal("PENDING", order.Text("status"));
        Assert.Single(order.GetProperty("statusHistory").EnumerateArray());
        Assert.Equal(["OrderPlaced"], await app.EventTypesAsync(placed.OrderId));
    }

    public static TheoryData<string> EveryMove() =>
        ["confirmOrder", "cancelOrder", "shipOrder", "markOrderDelivered", "completeOrder", "requestReturn", "approveReturn", "rejectReturn"];

    [Theory]
    [MemberData(nameof(EveryMove))]
    public async Task Every_move_refuses_an_unknown_order_a_stranger_and_an_order_past_it_and_writes_nothing(string mutation)
    {
        var placed = await app.PlaceOrderAsync();
        (await placed.Buyer.Buyer.MoveAsync("cancelOrder", placed.OrderId, ("reason", ""))).Succeeded();
        var why = Why(mutation);

        var unknown = await app.Admin().MoveAsync(mutation, Guid.CreateVersion7(), why);
        var stranger = await app.SignIn().MoveAsync(mutation, placed.OrderId, why);
        var byBuyer = await placed.Buyer.Buyer.MoveAsync(mutation, placed.OrderId, why);
        var bySeller = await placed.Seller.Seller.MoveAsync(mutation, placed.OrderId, why);

        Assert.Equal(["ORDER_NOT_FOUND"], unknown.Codes());
        Assert.Equal(["NOT_ORDER_PARTICIPANT"], stranger.Codes());
        // A cancelled order never had a return to decide on.
        var pastIt = mutation is "approveReturn" or "rejectReturn" ? "RETURN_NOT_FOUND" : "INVALID_TRANSITION";
        Assert.Equal([pastIt], byBuyer.Codes());
        Assert.Equal([pastIt], bySeller.Codes());
        if (pastIt == "INVALID_TRANSITION")
            Assert.StartsWith("This order cannot go from CANCELLED to ", bySeller.GetProperty("userErrors")[0].Text("message"));
        Assert.Equal(["OrderPlaced", "OrderCancelled"], await app.EventTypesAsync(placed.OrderId));
    }

    [Theory]
    [InlineData("confirmOrder", "PENDING", "buyer")]
    [InlineData("shipOrder", "CONFIRMED", "buyer")]
    [InlineData("markOrderDelivered", "SHIPPED", "buyer")]
    [InlineData("completeOrder", "DELIVERED", "seller")]
    [InlineData("requestReturn", "DELIVERED", "seller")]
    [InlineData("approveReturn", "RETURN_REQUESTED", "buyer")]
    [InlineData("rejectReturn", "RETURN_REQUESTED", "buyer")]
    public async Task Every_move_refuses_the_wrong_side_of_the_order_and_writes_nothing(string mutation, string status, string who)
    {
        var placed = await ReachAsync(status);
        var events = await app.EventTypesAsync(placed.OrderId);
        var person = who == "buyer" ? placed.Buyer.Buyer : placed.Seller.Seller;

        var refused = await person.MoveAsync(mutation, placed.OrderId, Why(mutation));

        Assert.Equal(["FORBIDDEN_ACTOR"], refused.Codes());
        Assert.Equal(status, (await placed.Buyer.Buyer.OrderAsync(placed.OrderId)).Text("status"));
        Assert.Equal(events, await app.EventTypesAsync(placed.OrderId));
    }

    [Fact]
    public async Task A_return_cannot_be_asked_for_once_the_window_closed()
    {
        var placed = await DeliveredAsync();

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var late = await app.Refreshed(placed.Buyer.Buyer).MoveAsync("requestReturn", placed.OrderId, ("reason", "Muộn"));
        var withoutReason = await app.Refreshed(placed.Buyer.Buyer).MoveAsync("requestReturn", placed.OrderId, ("reason", ""));

        Assert.Equal(["RETURN_WINDOW_CLOSED"], late.Codes());
        Assert.Equal(["REASON_REQUIRED"], withoutReason.Codes());
        Assert.Equal("OrderDelivered", (await app.EventTypesAsync(placed.OrderId))[^1]);
    }

    [Fact]
    public async Task Of_a_shipment_and_a_cancellation_at_the_same_moment_exactly_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var placed = await app.PlaceOrderAsync();
            (await placed.Seller.Seller.MoveAsync("confirmOrder", placed.OrderId)).Succeeded();

            var payloads = await Task.WhenAll(
                placed.Seller.Seller.MoveAsync("shipOrder", placed.OrderId),
                placed.Buyer.Buyer.MoveAsync("cancelOrder", placed.OrderId, ("reason", "Đổi ý")));

            await AssertExactlyOneWonAsync(placed, payloads, won => won == 0 ? "OrderShipped" : "OrderCancelled");
        }
    }

    [Fact]
    public async Task Of_two_confirmations_at_the_same_moment_exactly_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var placed = await app.PlaceOrderAsync();

            var payloads = await Task.WhenAll(
                placed.Seller.Seller.MoveAsync("confirmOrder", placed.OrderId),
                app.Admin().MoveAsync("confirmOrder", placed.OrderId));

            await AssertExactlyOneWonAsync(placed, payloads, _ => "OrderConfirmed");
        }
    }

    [Fact]
    public async Task A_cancellation_racing_a_confirmation_ends_as_if_one_came_after_the_other()
    {
        for (var round = 0; round < 5; round++)
        {
            var placed = await app.PlaceOrderAsync();

            var payloads = await Task.WhenAll(
                placed.Seller.Seller.MoveAsync("confirmOrder", placed.OrderId),
                placed.Buyer.Buyer.MoveAsync("cancelOrder", placed.OrderId, ("reason", "")));

            // Cancel first refuses the confirmation; confirm first still lets the buyer cancel (before shipping).
            var order = await placed.Buyer.Buyer.OrderAsync(placed.OrderId);
            var succeeded = payloads.Count(p => p.GetProperty("userErrors").GetArrayLength() == 0);
            Assert.Equal("CANCELLED", order.Text("status"));
            Assert.Equal(succeeded + 1, order.GetProperty("statusHistory").GetArrayLength());
            Assert.Equal(succeeded == 2 ? ["OrderPlaced", "OrderConfirmed", "OrderCancelled"] : ["OrderPlaced", "OrderCancelled"],
                await app.EventTypesAsync(placed.OrderId));
        }
    }

    private async Task AssertExactlyOneWonAsync(PlacedOrder placed, JsonElement[] payloads, Func<int, string> eventOfWinner)
    {
        var won = Array.FindIndex(payloads, p => p.GetProperty("userErrors").GetArrayLength() == 0);
        Assert.Single(payloads, p => p.GetProperty("userErrors").GetArrayLength() == 0);
        Assert.Equal(["INVALID_TRANSITION"], payloads[1 - won].Codes());
        var events = await app.EventTypesAsync(placed.OrderId);
        Assert.Equal(eventOfWinner(won), events[^1]);
        Assert.Single(events, e => e == eventOfWinner(won));
    }

    [Fact]
    public async Task Each_viewer_sees_what_they_may_do_now()
    {
        var placed = await app.PlaceOrderAsync();

        var asBuyer = await placed.Buyer.Buyer.OrderAsync(placed.OrderId);
        var asSeller = await placed.Seller.Seller.OrderAsync(placed.OrderId);
        var asAdmin = await app.Admin().OrderAsync(placed.OrderId);

        Assert.Equal([("CANCEL", "CANCELLED", false)], Allowed(asBuyer));
        Assert.Equal([("CONFIRM", "CONFIRMED", false), ("CANCEL", "CANCELLED", true)], Allowed(asSeller));
        Assert.Equal(Allowed(asSeller), Allowed(asAdmin));
    }

    private static List<(string, string, bool)> Allowed(JsonElement order) => order.GetProperty("allowedTransitions").EnumerateArray()
        .Select(t => (t.Text("action"), t.Text("to"), t.GetProperty("reasonRequired").GetBoolean())).ToList();

    /// <summary>A reason, for the moves whose input has one.</summary>
    private static (string, object?)[] Why(string mutation) =>
        mutation is "cancelOrder" or "requestReturn" or "rejectReturn" ? [("reason", "Vì sao")] : [];

    private Task<PlacedOrder> DeliveredAsync() => ReachAsync("DELIVERED");

    /// <summary>A new order moved along the happy path (and into a return) until it has <paramref name="status"/>.</summary>
    private async Task<PlacedOrder> ReachAsync(string status)
    {
        var placed = await app.PlaceOrderAsync();
        var seller = placed.Seller.Seller;
        var path = new (string Status, Person Who, string Mutation)[]
        {
            ("CONFIRMED", seller, "confirmOrder"),
            ("SHIPPED", seller, "shipOrder"),
            ("DELIVERED", seller, "markOrderDelivered"),
            ("RETURN_REQUESTED", placed.Buyer.Buyer, "requestReturn"),
        };
        foreach (var step in path.TakeWhile(_ => status != "PENDING"))
        {
            (await step.Who.MoveAsync(step.Mutation, placed.OrderId, Why(step.Mutation))).Succeeded();
            if (step.Status == status)
                break;
        }
        return placed;
    }
}
