using System.Text.RegularExpressions;
using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Domain;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>The order aggregate: how it is placed and what each move records.</summary>
public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private static readonly OrderPolicy Policy = new(TimeSpan.FromMinutes(15), TimeSpan.FromDays(3), TimeSpan.FromDays(7));
    private static readonly Guid BuyerId = Guid.CreateVersion7();
    private static readonly Guid SellerId = Guid.CreateVersion7();

    [Fact]
    public void A_cash_on_delivery_order_starts_pending_without_a_payment_deadline()
    {
        var order = Place(PaymentMethod.Cod);

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.PaymentDueAt);
        var placed = Assert.Single(order.History);
        Assert.Equal((null, OrderStatus.Pending, ActorRole.Buyer, BuyerId, 1), (placed.From, placed.To, placed.ActorRole, placed.ActorId, placed.Sequence));
        Assert.Equal(OrderTimelineKind.Placed, Assert.Single(order.Timeline).Kind);
        Assert.Equal(1, order.Version);
    }

    [Theory]
    [InlineData(PaymentMethod.Card)]
    [InlineData(PaymentMethod.EWallet)]
    [InlineData(PaymentMethod.BankTransfer)]
    public void An_online_order_waits_for_its_payment_until_the_deadline(PaymentMethod method)
    {
        var order = Place(method);

        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(Now + Policy.PaymentTimeout, order.PaymentDueAt);
    }

    [Fact]
    public void The_shops_time_to_confirm_runs_from_when_the_order_waits_for_it_and_stops_once_it_moves_on()
    {
        var cashOnDelivery = Place(PaymentMethod.Cod);
        var online = Place(PaymentMethod.Card);
        var unpaidConfirmationDue = online.ConfirmationDueAt;
        var paidAt = Now + TimeSpan.FromMinutes(10);
        Assert.True(online.Apply(OrderAction.MarkPaid, Actor.System, null, Policy, paidAt).Succeeded);
        var paidConfirmationDue = online.ConfirmationDueAt;
        Assert.True(online.Apply(OrderAction.Confirm, new Actor([ActorRole.Seller], SellerId), null, Policy, paidAt + TimeSpan.FromHours(1)).Succeeded);

        Assert.Equal(Now + Policy.ConfirmationTimeout, cashOnDelivery.ConfirmationDueAt);
        Assert.Null(unpaidConfirmationDue);
        Assert.Equal(paidAt + Policy.ConfirmationTimeout, paidConfirmationDue);
        Assert.Null(online.ConfirmationDueAt);
    }

    [Fact]
    public void The_parcel_weighs_every_unit_of_every_line()
    {
        var order = Place(PaymentMethod.Cod);

        Assert.Equal(2 * 300 + 1 * 1200, order.WeightGrams);
        Assert.Equal([0, 1], order.Lines.Select(l => l.Position));
        Assert.Equal(60_000m, order.Lines[0].LineTotal);
    }

    [Fact]
    public void Each_move_bumps_the_version_and_writes_history_and_timeline_with_it()
    {
        var order = Place(PaymentMethod.Cod);
        var seller = new Actor([ActorRole.Seller], SellerId);

        var confirmed = order.Apply(OrderAction.Confirm, seller, null, Policy, Now.AddMinutes(1));
        var shipped = order.Apply(OrderAction.Ship, seller, null, Policy, Now.AddMinutes(2), new ShipmentDetails(" GHN ", "GHN123"));

        Assert.True(confirmed.Succeeded && shipped.Succeeded);
        Assert.Equal(3, order.Version);
        Assert.Equal([1, 2, 3], order.History.Select(h => h.Sequence));
        Assert.Equal([1, 2, 3], order.Timeline.Select(t => t.Sequence));
        Assert.Equal((OrderStatus.Confirmed, OrderStatus.Shipped, ActorRole.Seller, SellerId), (order.History[2].From, order.History[2].To, order.History[2].ActorRole, order.History[2].ActorId));
        Assert.Equal(("GHN", "GHN123"), (order.Carrier, order.TrackingNumber));
        Assert.Equal("GHN, tracking GHN123", order.Timeline[2].Detail);
        Assert.Equal(Now.AddMinutes(2), order.UpdatedAt);
    }

    [Fact]
    public void Delivery_opens_the_return_window_and_a_return_is_refused_once_it_closed()
    {
        var order = Delivered();

        var late = order.Apply(OrderAction.RequestReturn, new Actor([ActorRole.Buyer], BuyerId), "broken", Policy, Now + Policy.ReturnWindow);
        var inTime = order.Apply(OrderAction.RequestReturn, new Actor([ActorRole.Buyer], BuyerId), " broken ", Policy, Now + Policy.ReturnWindow - TimeSpan.FromSeconds(1));

        Assert.Equal(Now, order.DeliveredAt);
        Assert.Equal("RETURN_WINDOW_CLOSED", late.Error?.Code);
        Assert.True(inTime.Succeeded);
        Assert.Equal((OrderStatus.ReturnRequested, "broken"), (order.Status, order.History[^1].Reason));
    }

    [Fact]
    public void A_refused_move_changes_nothing()
    {
        var order = Place(PaymentMethod.Cod);

        var refused = order.Apply(OrderAction.Ship, new Actor([ActorRole.Seller], SellerId), null, Policy, Now);

        Assert.Equal("INVALID_TRANSITION", refused.Error?.Code);
        Assert.Equal("This order cannot go from PENDING to SHIPPED.", refused.Error?.Message);
        Assert.Equal((OrderStatus.Pending, 1, 1, 1), (order.Status, order.Version, order.History.Count, order.Timeline.Count));
    }

    [Fact]
    public void News_writes_the_timeline_but_not_the_history()
    {
        var order = Place(PaymentMethod.Cod);

        order.Report(OrderTimelineKind.ShipmentUpdate, "On the way to you", null, Now);

        Assert.Equal((2, 1, 2), (order.Version, order.History.Count, order.Timeline.Count));
        Assert.Equal(2, order.Timeline[^1].Sequence);
    }

    [Fact]
    public void The_roles_of_a_person_on_an_order_are_the_ones_they_hold()
    {
        var order = Place(PaymentMethod.Cod);

        Assert.Equal([ActorRole.Buyer], order.RolesOf(BuyerId, isAdmin: false));
        Assert.Equal([ActorRole.Seller, ActorRole.Admin], order.RolesOf(SellerId, isAdmin: true));
        Assert.Empty(order.RolesOf(Guid.CreateVersion7(), isAdmin: false));
        Assert.Empty(order.RolesOf(null, isAdmin: false));
    }

    [Fact]
    public void What_a_person_may_do_now_follows_the_table()
    {
        var order = Place(PaymentMethod.Cod);

        Assert.Equal([OrderAction.Cancel], order.AvailableTo([ActorRole.Buyer], Now).Select(t => t.Action));
        Assert.Equal([OrderAction.Confirm, OrderAction.Cancel], order.AvailableTo([ActorRole.Seller], Now).Select(t => t.Action));
        var delivered = Delivered();
        Assert.Equal([OrderAction.Complete, OrderAction.RequestReturn], delivered.AvailableTo([ActorRole.Buyer], Now).Select(t => t.Action));
        Assert.Equal([OrderAction.Complete], delivered.AvailableTo([ActorRole.Buyer], Now + Policy.ReturnWindow).Select(t => t.Action));
    }

    [Fact]
    public void Order_numbers_read_GS_the_date_in_Vietnam_and_six_unmistakable_characters()
    {
        // 20:00 UTC on 25 November is already 26 November in Vietnam.
        var number = OrderNumber.New(Now);

        Assert.Matches(new Regex("^GS-261126-[A-HJ-NP-Z2-9]{6}$"), number);
    }

    [Fact]
    public void Contract_names_are_upper_snake_case() =>
        Assert.Equal(["PENDING_PAYMENT", "E_WALLET", "RETURN_REQUESTED", "SYSTEM"],
            [OrderStatus.PendingPayment.ToContractName(), PaymentMethod.EWallet.ToContractName(), OrderStatus.ReturnRequested.ToContractName(), ActorRole.System.ToContractName()]);

    private static Order Delivered()
    {
        var order = Place(PaymentMethod.Cod);
        var seller = new Actor([ActorRole.Seller], SellerId);
        order.Apply(OrderAction.Confirm, seller, null, Policy, Now);
        order.Apply(OrderAction.Ship, seller, null, Policy, Now);
        order.Apply(OrderAction.MarkDelivered, Actor.Shipper(null), null, Policy, Now);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        return order;
    }

    private static Order Place(PaymentMethod method)
    {
        var checkout = Checkout.Start(BuyerId, null, method, Now);
        var draft = new OrderDraft(Guid.CreateVersion7(), SellerId, new GeoPoint(10.77, 106.70),
            [
                new OrderLineDraft(Guid.CreateVersion7(), null, "Áo thun", null, null, 2, 30_000m, 300),
                new OrderLineDraft(Guid.CreateVersion7(), Guid.CreateVersion7(), "Giày", "42", "SKU-1", 1, 500_000m, 1200),
            ],
            OrderFees.Compute(560_000m, 0m, 20_000m, 0.10m), [],
            new OrderAddress("An", "0901234567", "12 Nguyễn Trãi", null, null, "Quận 5", "TP. Hồ Chí Minh", "VN", null, null, null), null);
        return checkout.AddOrder(Guid.CreateVersion7(), OrderNumber.New(Now), draft, Policy, Now);
    }
}
