using GoShop.Ordering.Domain;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
        Description = "Where an order stands: PENDING_PAYMENT (online payments only) → PENDING → CONFIRMED → SHIPPED → DELIVERED → COMPLETED; " +
            "CANCELLED before it ships; a return goes DELIVERED → RETURN_REQUESTED → RETURNED → REFUNDED, or to COMPLETED when it is rejected.";
    }
}

public sealed class PaymentMethodType : EnumerationGraphType<PaymentMethod>
{
    public PaymentMethodType()
    {
        Name = "PaymentMethod";
        Description = "How the buyer pays: online (CARD, E_WALLET, BANK_TRANSFER; the order waits for the payment) or cash on delivery (COD).";
    }
}

public sealed class OrderActorRoleType : EnumerationGraphType<ActorRole>
{
    public OrderActorRoleType()
    {
        Name = "OrderActorRole";
        Description = "In which capacity someone moved an order. SYSTEM is GoShop itself (payments, timeouts).";
    }
}

public sealed class OrderActionType : EnumerationGraphType<OrderAction>
{
    public OrderActionType()
    {
        Name = "OrderAction";
        Description = "What can be done to an order; each leads to one status. MARK_PAID and REFUND are GoShop's own (payments report them).";
    }
}

public sealed class OrderTimelineKindType : EnumerationGraphType<OrderTimelineKind>
{
    public OrderTimelineKindType()
    {
        Name = "OrderTimelineKind";
        Description = "What an entry of an order's timeline tells: a move of the order, or news about its payment, parcel or refund.";
    }
}
