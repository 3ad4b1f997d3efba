using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Ordering.Domain;
using GoShop.Ordering.Domain.Returns;
using GraphQL.Types;

namespace GoShop.Ordering.GraphQL.Types;

/// <summary>A payload that answers the moved order.</summary>
public sealed record OrderPayload : Payload
{
    public Order? Order { get; init; }
}

public abstract class OrderPayloadTypeBase : PayloadType<OrderPayload>
{
    protected OrderPayloadTypeBase(string name)
    {
        Name = name;
        Field<OrderType, Order>("order")
            .Description("The order after the move; null when there are userErrors.")
            .Resolve(context => context.Source.Order);
    }
}

public sealed class ConfirmOrderPayloadType() : OrderPayloadTypeBase("ConfirmOrderPayload");

public sealed class CancelOrderPayloadType() : OrderPayloadTypeBase("CancelOrderPayload");

public sealed class ShipOrderPayloadType() : OrderPayloadTypeBase("ShipOrderPayload");

public sealed class MarkOrderDeliveredPayloadType() : OrderPayloadTypeBase("MarkOrderDeliveredPayload");

public sealed class CompleteOrderPayloadType() : OrderPayloadTypeBase("CompleteOrderPayload");

/// <summary>A payload that answers the return and its order after the change.</summary>
public sealed record ReturnPayload : Payload
{
    public Return? Return { get; init; }

    public Order? Order { get; init; }
}

public abstract class ReturnPayloadTypeBase : PayloadType<ReturnPayload>
{
    protected ReturnPayloadTypeBase(string name)
    {
        Name = name;
        Field<ReturnType, Return>("return")
            .Description("The return after the change; null when there are userErrors.")
            .Resolve(context => context.Source.Return);
        Field<OrderType, Order>("order")
            .Description("The return's order after the change (its status and timeline moved with the return); null when there are userErrors.")
            .Resolve(context => context.Source.Order);
    }
}

public sealed class RequestReturnPayloadType() : ReturnPayloadTypeBase("RequestReturnPayload");

public sealed class ApproveReturnPayloadType() : ReturnPayloadTypeBase("ApproveReturnPayload");

public sealed class RejectReturnPayloadType() : ReturnPayloadTypeBase("RejectReturnPayload");

public sealed record PlaceOrderPayload : Payload
{
    public Checkout? Checkout { get; init; }
}

public sealed class PlaceOrderPayloadType : PayloadType<PlaceOrderPayload>
{
    public PlaceOrderPayloadType()
    {
        Name = "PlaceOrderPayload";
        Field<CheckoutType, Checkout>("checkout")
            .Description("The checkout placed, one order per shop; or, for an idempotencyKey used before, the checkout placed with it then. " +
                "Null when there are userErrors.")
            .Resolve(context => context.Source.Checkout);
    }
}

public sealed record ReorderPayload : Payload
{
    public EntityReference<CartType>? Cart { get; init; }

    public int AddedCount { get; init; }
}

public sealed class ReorderPayloadType : PayloadType<ReorderPayload>
{
    public ReorderPayloadType()
    {
        Name = "ReorderPayload";
        Description = "The cart the order's products went back into, how many lines went in, and one userError per product that could not.";
        Field<CartType, EntityReference<CartType>>("cart")
            .Description("The buyer's cart the products went into; null when nothing could be tried (the order was not found or not " +
                "theirs, or the cart could not be reached).")
            .Resolve(context => context.Source.Cart);
        Field(p => p.AddedCount).Description("How many of the order's lines went into the cart (merged with what it already held); 0 when none did.");
    }
}
