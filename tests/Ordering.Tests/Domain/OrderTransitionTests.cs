using GoShop.BuildingBlocks.Domain;
using GoShop.Ordering.Domain;
using static GoShop.Ordering.Domain.ActorRole;
using static GoShop.Ordering.Domain.OrderAction;
using static GoShop.Ordering.Domain.OrderStatus;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>
/// The transition table against the order process as the product describes it, for every status, every action and
/// every actor role: exactly the moves below are legal, each only for the roles listed, with a reason where marked.
/// </summary>
public sealed class OrderTransitionTests
{
    private sealed record Rule(OrderStatus From, OrderAction Action, OrderStatus To, ActorRole[] Actors, ActorRole[] ReasonOf, OrderEventKind? Event);

    private static readonly Rule[] Process =
    [
        new(PendingPayment, MarkPaid, Pending, [ActorRole.System], [], null),
        new(Pending, Confirm, Confirmed, [Seller, Admin], [], OrderEventKind.Confirmed),
        new(PendingPayment, Cancel, Cancelled, [Buyer, Seller, Admin, ActorRole.System], [Seller, Admin, ActorRole.System], OrderEventKind.Cancelled),
        new(Pending, Cancel, Cancelled, [Buyer, Seller, Admin, ActorRole.System], [Seller, Admin, ActorRole.System], OrderEventKind.Cancelled),
        new(Confirmed, Cancel, Cancelled, [Buyer, Seller, Admin, ActorRole.System], [Seller, Admin, ActorRole.System], OrderEventKind.Cancelled),
        new(Confirmed, Ship, Shipped, [Seller, Admin, Shipper], [], OrderEventKind.Shipped),
        new(Shipped, MarkDelivered, Delivered, [Seller, Admin, Shipper], [], OrderEventKind.Delivered),
        new(Delivered, Complete, Completed, [Buyer, ActorRole.System], [], OrderEventKind.Completed),
        new(Delivered, RequestReturn, ReturnRequested, [Buyer], [Buyer], OrderEventKind.ReturnRequested),
        new(ReturnRequested, ApproveReturn, Returned, [Seller, Admin, ActorRole.System], [], OrderEventKind.ReturnApproved),
        new(ReturnRequested, RejectReturn, Completed, [Seller, Admin], [Seller, Admin], OrderEventKind.ReturnRejected),
        new(Returned, Refund, Refunded, [ActorRole.System], [], null),
        new(Returned, Complete, Completed, [ActorRole.System], [], OrderEventKind.Completed),
    ];

    public static TheoryData<OrderStatus, OrderAction> EveryStatusAndAction()
    {
        var data = new TheoryData<OrderStatus, OrderAction>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var action in Enum.GetValues<OrderAction>())
                data.Add(status, action);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Each_role_may_make_exactly_the_moves_of_the_order_process(OrderStatus from, OrderAction action)
    {
        var rule = Process.SingleOrDefault(r => r.From == from && r.Action == action);

        foreach (var role in Enum.GetValues<ActorRole>())
        {
            var decided = OrderTransitions.Decide(from, action, [role], "because", returnWindowOpen: true);

            if (rule is null)
            {
                Assert.False(decided.Succeeded);
                Assert.Equal("INVALID_TRANSITION", decided.Error!.Code);
                Assert.Contains($"cannot go from {from.ToContractName()} to {OrderTransitions.TargetOf(action).ToContractName()}", decided.Error.Message);
            }
            else if (!rule.Actors.Contains(role))
            {
                Assert.False(decided.Succeeded, $"{role} may not {action} a {from} order.");
                Assert.Equal("FORBIDDEN_ACTOR", decided.Error!.Code);
            }
            else
            {
                Assert.True(decided.Succeeded, $"{role} may {action} a {from} order: {decided.Error?.Message}");
                Assert.Equal((rule.To, role, rule.Event), (decided.Value!.Transition.To, decided.Value.Role, decided.Value.Transition.Event));
                Assert.Equal(rule.ReasonOf.Contains(role), decided.Value.Transition.RequiresReasonOf(role));
            }
        }
    }

    [Fact]
    public void The_table_has_no_move_the_process_does_not_name_and_every_action_leads_where_it_says()
    {
        Assert.Equal(Process.Select(r => (r.From, r.Action, r.To)).Order(), OrderTransitions.All.Select(t => (t.From, t.Action, t.To)).Order());
        Assert.All(OrderTransitions.All, t => Assert.Equal(OrderTransitions.TargetOf(t.Action), t.To));
    }

    [Theory]
    [InlineData(Seller)]
    [InlineData(Admin)]
    [InlineData(ActorRole.System)]
    public void Cancelling_needs_a_reason_from_everyone_but_the_buyer(ActorRole role)
    {
        var withoutReason = OrderTransitions.Decide(Pending, Cancel, [role], "  ", returnWindowOpen: false);
        var byBuyer = OrderTransitions.Decide(Pending, Cancel, [Buyer], null, returnWindowOpen: false);

        Assert.Equal("REASON_REQUIRED", withoutReason.Error?.Code);
        Assert.True(byBuyer.Succeeded);
    }

    [Theory]
    [InlineData(Delivered, RequestReturn, Buyer)]
    [InlineData(ReturnRequested, RejectReturn, Seller)]
    [InlineData(ReturnRequested, RejectReturn, Admin)]
    public void Returns_and_their_rejection_need_a_reason(OrderStatus from, OrderAction action, ActorRole role) =>
        Assert.Equal("REASON_REQUIRED", OrderTransitions.Decide(from, action, [role], "", returnWindowOpen: true).Error?.Code);

    [Fact]
    public void A_return_can_be_asked_for_only_while_the_window_is_open()
    {
        Assert.Equal("RETURN_WINDOW_CLOSED", OrderTransitions.Decide(Delivered, RequestReturn, [Buyer], "broken", returnWindowOpen: false).Error?.Code);
        Assert.True(OrderTransitions.Decide(Delivered, RequestReturn, [Buyer], "broken", returnWindowOpen: true).Succeeded);
        // Only the return needs the window: the buyer may still complete, the system too.
        Assert.True(OrderTransitions.Decide(Delivered, Complete, [Buyer], null, returnWindowOpen: false).Succeeded);
    }

    [Fact]
    public void Someone_holding_several_roles_acts_in_the_first_one_the_move_allows()
    {
        var adminBuyerConfirms = OrderTransitions.Decide(Pending, Confirm, [Buyer, Admin], null, returnWindowOpen: false);
        var adminBuyerCancels = OrderTransitions.Decide(Pending, Cancel, [Buyer, Admin], null, returnWindowOpen: false);

        Assert.Equal(Admin, adminBuyerConfirms.Value!.Role);
        Assert.Equal(Buyer, adminBuyerCancels.Value!.Role);
    }

    [Fact]
    public void Nobody_without_a_role_can_move_an_order()
    {
        var decided = OrderTransitions.Decide(Pending, Cancel, [], null, returnWindowOpen: false);

        Assert.Equal("FORBIDDEN_ACTOR", decided.Error?.Code);
    }
}
