using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>The return aggregate: what a request may ask for, what it refunds, and the moves it makes afterwards.</summary>
public sealed class ReturnTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrderPolicy Policy = new(TimeSpan.FromMinutes(15), TimeSpan.FromDays(3), TimeSpan.FromDays(7));

    // 3 × 50,000 (300 g) and 1 × 100,000 (1,200 g), a 33,333 coupon, 21,000 shipping, 21,667 VAT: 259,334 in all.
    private static readonly OrderFees Fees = new(Subtotal: 250_000m, ShippingFee: 21_000m, Tax: 21_667m, Discount: 33_333m, Total: 259_334m);

    [Fact]
    public void Without_lines_the_whole_order_goes_back_and_refunds_its_total_with_shipping()
    {
        var order = Order();

        var requested = Return.Request(order, "  Hàng lỗi  ", null, null, Now);

        Assert.True(requested.Succeeded);
        var @return = requested.Value;
        Assert.Equal((ReturnStatus.Requested, "Hàng lỗi", true, 259_334m), (@return.Status, @return.Reason, @return.WholeOrder, @return.RefundAmount));
        Assert.Equal([(3, 143_000m), (1, 95_334m)], @return.Lines.Select(l => (l.Quantity, l.RefundAmount)));
        Assert.Equal(3 * 300 + 1200, @return.WeightGrams);
        Assert.Equal((order.Id, order.BuyerId, order.ShopId, order.SellerId, Now), (@return.OrderId, @return.BuyerId, @return.ShopId, @return.SellerId, @return.RequestedAt));
    }

    [Fact]
    public void Listing_every_unit_is_the_whole_order_too()
    {
        var order = Order();

        var @return = Return.Request(order, "Sai", [new(order.Lines[1].Id, 1), new(order.Lines[0].Id, 3)], [], Now).Value!;

        Assert.True(@return.WholeOrder);
        Assert.Equal(259_334m, @return.RefundAmount);
        Assert.Equal([order.Lines[0].Id, order.Lines[1].Id], @return.Lines.Select(l => l.OrderLineId));
    }

    [Fact]
    public void Some_units_refund_their_lines_without_shipping()
    {
        var order = Order();
        var photo = Guid.CreateVersion7();

        var @return = Return.Request(order, "Rách", [new(order.Lines[0].Id, 1)], [photo, photo], Now).Value!;

        Assert.False(@return.WholeOrder);
        Assert.Equal(47_667m, @return.RefundAmount);
        var line = Assert.Single(@return.Lines);
        Assert.Equal((order.Lines[0].Id, order.Lines[0].ProductId, "Áo thun", 1, 50_000m, 47_667m, 300),
            (line.OrderLineId, line.ProductId, line.Title, line.Quantity, line.UnitPrice, line.RefundAmount, line.WeightGrams));
        Assert.Equal(300, @return.WeightGrams);
        Assert.Equal([photo], @return.MediaIds);
    }

    public static TheoryData<string, string?, int, int, int> BadRequests() => new()
    {
        // code, reason, photos, which line (-1 unknown), quantity
        { "REASON_REQUIRED", "   ", 0, 0, 1 },
        { "REASON_REQUIRED", null, 0, 0, 1 },
        { "TOO_LONG", new string('x', 501), 0, 0, 1 },
        { "TOO_MANY_PHOTOS", "Hỏng", 7, 0, 1 },
        { "ORDER_LINE_NOT_FOUND", "Hỏng", 0, -1, 1 },
        { "QUANTITY_OUT_OF_RANGE", "Hỏng", 0, 0, 0 },
        { "QUANTITY_OUT_OF_RANGE", "Hỏng", 0, 0, 4 },
        { "QUANTITY_OUT_OF_RANGE", "Hỏng", 0, 1, -1 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_request_outside_the_rules_is_refused_with_its_code(string code, string? reason, int photos, int line, int quantity)
    {
        var order = Order();
        var lineId = line < 0 ? Guid.CreateVersion7() : order.Lines[line].Id;

        var refused = Return.Request(order, reason, [new(lineId, quantity)], Enumerable.Range(0, photos).Select(_ => Guid.CreateVersion7()).ToList(), Now);

        Assert.Equal(code, refused.Error?.Code);
    }

    [Fact]
    public void A_line_listed_twice_is_refused()
    {
        var order = Order();

        var refused = Return.Request(order, "Hỏng", [new(order.Lines[0].Id, 1), new(order.Lines[0].Id, 1)], [], Now);

        Assert.Equal(("DUPLICATE_RETURN_LINE", "lines"), (refused.Error?.Code, refused.Error?.Field));
    }

    [Fact]
    public void An_approved_return_travels_back_is_received_and_refunded_each_step_timed()
    {
        var @return = Requested();

        var approved = @return.Approve(Now.AddHours(1));
        var shipmentId = Guid.CreateVersion7();
        var recorded = @return.RecordShipment(shipmentId, Now.AddHours(1));
        var recordedAgain = @return.RecordShipment(Guid.CreateVersion7(), Now.AddHours(2));
        var pickedUp = @return.PickUp(Now.AddHours(3));
        var pickedUpAgain = @return.PickUp(Now.AddHours(4));
        var received = @return.Receive(Now.AddHours(5));
        var refunded = @return.MarkRefunded(Now.AddHours(6));
        var refundedAgain = @return.MarkRefunded(Now.AddHours(7));

        Assert.True(approved.Succeeded);
        Assert.Equal((true, false, true, false, true, true, false), (recorded, recordedAgain, pickedUp, pickedUpAgain, received, refunded, refundedAgain));
        Assert.Equal((ReturnStatus.Refunded, shipmentId), (@return.Status, @return.ShipmentId));
        Assert.Equal((Now.AddHours(1), Now.AddHours(3), Now.AddHours(5), Now.AddHours(6)),
            (@return.ApprovedAt, @return.PickedUpAt, @return.ReceivedAt, @return.RefundedAt));
        Assert.Null(@return.RejectedAt);
    }

    [Fact]
    public void A_parcel_delivered_before_its_pick_up_was_heard_of_goes_through_transit()
    {
        var @return = Requested();
        @return.Approve(Now);

        var received = @return.Receive(Now.AddHours(2));
        var pickedUpLate = @return.PickUp(Now.AddHours(3));

        Assert.Equal((true, false, ReturnStatus.Received), (received, pickedUpLate, @return.Status));
        Assert.Equal((Now.AddHours(2), Now.AddHours(2)), (@return.PickedUpAt, @return.ReceivedAt));
    }

    [Fact]
    public void A_rejected_return_keeps_its_reason_and_moves_no_further()
    {
        var @return = Requested();

        var rejected = @return.Reject("  Hết hạn đổi trả ", Now.AddHours(1));
        var approved = @return.Approve(Now.AddHours(2));

        Assert.True(rejected.Succeeded);
        Assert.Equal((ReturnStatus.Rejected, "Hết hạn đổi trả", Now.AddHours(1)), (@return.Status, @return.RejectionReason, @return.RejectedAt));
        Assert.Equal(("INVALID_TRANSITION", "This return cannot go from REJECTED to APPROVED."), (approved.Error?.Code, approved.Error?.Message));
        Assert.False(@return.PickUp(Now.AddHours(3)));
    }

    [Fact]
    public void A_return_is_decided_once_and_refunded_only_after_the_parcel_arrived()
    {
        var @return = Requested();
        @return.Approve(Now);
        var version = @return.Version;

        var approvedAgain = @return.Approve(Now.AddHours(1));
        var rejectedAfter = @return.Reject("Muộn", Now.AddHours(1));
        var refundedEarly = @return.MarkRefunded(Now.AddHours(1));

        Assert.Equal(("INVALID_TRANSITION", "INVALID_TRANSITION"), (approvedAgain.Error?.Code, rejectedAfter.Error?.Code));
        Assert.False(refundedEarly);
        Assert.Equal((ReturnStatus.Approved, version, null), (@return.Status, @return.Version, @return.RefundedAt));
    }

    private static Return Requested() => Return.Request(Order(), "Hỏng", null, null, Now).Value!;

    private static Order Order()
    {
        var buyerId = Guid.CreateVersion7();
        var checkout = Checkout.Start(buyerId, null, PaymentMethod.Card, Now);
        var draft = new OrderDraft(Guid.CreateVersion7(), Guid.CreateVersion7(), new GeoPoint(10.77, 106.70),
            [
                new OrderLineDraft(Guid.CreateVersion7(), null, "Áo thun", null, null, 3, 50_000m, 300),
                new OrderLineDraft(Guid.CreateVersion7(), Guid.CreateVersion7(), "Giày", "42", "SKU-1", 1, 100_000m, 1200),
            ],
            Fees, ["GIAM33K"],
            new OrderAddress("An", "0901234567", "12 Nguyễn Trãi", null, null, "Quận 5", "TP. Hồ Chí Minh", "VN", null, null, null), null);
        return checkout.AddOrder(Guid.CreateVersion7(), OrderNumber.New(Now), draft, Policy, Now);
    }
}
