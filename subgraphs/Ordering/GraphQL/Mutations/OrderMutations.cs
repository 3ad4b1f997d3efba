using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Types;
using GoShop.Ordering.Workflow;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Ordering.GraphQL.Mutations;

public sealed record ConfirmOrderInput
{
    public required Guid OrderId { get; init; }
}

public sealed record CancelOrderInput
{
    public required Guid OrderId { get; init; }

    [Description("Why; required of the seller and admins, optional for the buyer (an empty string).")]
    public required string Reason { get; init; }
}

public sealed record ShipOrderInput
{
    public required Guid OrderId { get; init; }

    [Description("Who carries the parcel, e.g. GHN or the shop itself.")]
    public string? Carrier { get; init; }

    public string? TrackingNumber { get; init; }
}

public sealed record MarkOrderDeliveredInput
{
    public required Guid OrderId { get; init; }
}

public sealed record CompleteOrderInput
{
    public required Guid OrderId { get; init; }
}

public sealed record RequestReturnInput
{
    public required Guid OrderId { get; init; }

    public required string Reason { get; init; }
}

public sealed record ApproveReturnInput
{
    public required Guid OrderId { get; init; }
}

public sealed record RejectReturnInput
{
    public required Guid OrderId { get; init; }

    public required string Reason { get; init; }
}

public sealed class ConfirmOrderInputType : AutoRegisteringInputObjectGraphType<ConfirmOrderInput>;

public sealed class CancelOrderInputType : AutoRegisteringInputObjectGraphType<CancelOrderInput>;

public sealed class ShipOrderInputType : AutoRegisteringInputObjectGraphType<ShipOrderInput>;

public sealed class MarkOrderDeliveredInputType : AutoRegisteringInputObjectGraphType<MarkOrderDeliveredInput>;

public sealed class CompleteOrderInputType : AutoRegisteringInputObjectGraphType<CompleteOrderInput>;

public sealed class RequestReturnInputType : AutoRegisteringInputObjectGraphType<RequestReturnInput>;

public sealed class ApproveReturnInputType : AutoRegisteringInputObjectGraphType<ApproveReturnInput>;

public sealed class RejectReturnInputType : AutoRegisteringInputObjectGraphType<RejectReturnInput>;

/// <summary>
/// The people's moves of an order: confirmOrder, cancelOrder, shipOrder, markOrderDelivered, completeOrder,
/// requestReturn, approveReturn and rejectReturn. Each is one row of the transition table, made by
/// <see cref="OrderWorkflow"/> on the locked order; an illegal move is a userError, never an exception.
/// </summary>
public sealed class OrderMutations(OrderWorkflow workflow, ICurrentUser currentUser)
{
    private sealed record Move(Guid OrderId, OrderAction Action, string? Reason = null, ShipmentDetails? Shipment = null);

    public static void AddTo(ObjectGraphType mutation)
    {
        Add<ConfirmOrderInputType, ConfirmOrderInput, ConfirmOrderPayloadType>(mutation, "confirmOrder",
            "The seller (or an admin) accepts a PENDING order: it is to be packed and shipped.",
            input => new Move(input.OrderId, OrderAction.Confirm));
        Add<CancelOrderInputType, CancelOrderInput, CancelOrderPayloadType>(mutation, "cancelOrder",
            "Cancels an order that has not shipped: by its buyer, or by its seller or an admin with a reason. Its stock goes back on sale, " +
            "its coupons are given back and a paid order is refunded.",
            input => new Move(input.OrderId, OrderAction.Cancel, input.Reason));
        Add<ShipOrderInputType, ShipOrderInput, ShipOrderPayloadType>(mutation, "shipOrder",
            "The seller hands a CONFIRMED order's parcel over for delivery (orders the shipping subgraph carries move by themselves).",
            input => new Move(input.OrderId, OrderAction.Ship, Shipment: new ShipmentDetails(input.Carrier, input.TrackingNumber)));
        Add<MarkOrderDeliveredInputType, MarkOrderDeliveredInput, MarkOrderDeliveredPayloadType>(mutation, "markOrderDelivered",
            "The seller (delivering it themselves) or an admin records that a SHIPPED order reached the buyer; the return window opens.",
            input => new Move(input.OrderId, OrderAction.MarkDelivered));
        Add<CompleteOrderInputType, CompleteOrderInput, CompleteOrderPayloadType>(mutation, "completeOrder",
            "The buyer confirms they received a DELIVERED order and are happy with it: the sale is final.",
            input => new Move(input.OrderId, OrderAction.Complete));
        Add<RequestReturnInputType, RequestReturnInput, RequestReturnPayloadType>(mutation, "requestReturn",
            "The buyer asks to return a DELIVERED order, within the return window, saying why.",
            input => new Move(input.OrderId, OrderAction.RequestReturn, input.Reason));
        Add<ApproveReturnInputType, ApproveReturnInput, ApproveReturnPayloadType>(mutation, "approveReturn",
            "The seller (or an admin) accepts a return: the buyer is refunded.",
            input => new Move(input.OrderId, OrderAction.ApproveReturn));
        Add<RejectReturnInputType, RejectReturnInput, RejectReturnPayloadType>(mutation, "rejectReturn",
            "The seller (or an admin) refuses a return, saying why: the order is COMPLETED.",
            input => new Move(input.OrderId, OrderAction.RejectReturn, input.Reason));
    }

    private static void Add<TInputType, TInput, TPayloadType>(ObjectGraphType mutation, string name, string description, Func<TInput, Move> move)
        where TInputType : IInputObjectGraphType
        where TPayloadType : IGraphType =>
        mutation.Field<NonNullGraphType<TPayloadType>, OrderPayload>(name)
            .Description(description)
            .Authorize()
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(async context => await context.Service<OrderMutations>().MoveAsync(move(context.GetArgument<TInput>("input")), context.CancellationToken));

    private async Task<OrderPayload> MoveAsync(Move move, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(move.Reason, "reason", Order.MaxReason, required: false);
        if (move.Shipment is { } shipment)
        {
            check.Text(shipment.Carrier, "carrier", Order.MaxCarrier, required: false)
                .Text(shipment.TrackingNumber, "trackingNumber", Order.MaxTrackingNumber, required: false);
        }
        if (check.HasErrors)
            return Fail<OrderPayload>(check);
        var moved = await workflow.MoveAsync(move.OrderId, move.Action, currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), move.Reason,
            move.Shipment, cancellationToken);
        return moved.Succeeded ? new OrderPayload { Order = moved.Value } : Fail<OrderPayload>(moved.Error);
    }
}
