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

[Description("Which order to confirm.")]
public sealed record ConfirmOrderInput
{
    [Description("The order's id.")]
    public required Guid OrderId { get; init; }
}

[Description("Which order to cancel, and why.")]
public sealed record CancelOrderInput
{
    [Description("The order's id.")]
    public required Guid OrderId { get; init; }

    [Description("Why, at most 500 characters: required of the seller and admins (REASON_REQUIRED when blank), optional for the buyer (send " +
        "an empty string). The buyer and the seller see it in the order's history and timeline.")]
    public required string Reason { get; init; }
}

[Description("Which order ships, and optionally with whom.")]
public sealed record ShipOrderInput
{
    [Description("The order's id.")]
    public required Guid OrderId { get; init; }

    [Description("Who carries the parcel, e.g. GHN or the shop itself; at most 100 characters. Left out, none is recorded.")]
    public string? Carrier { get; init; }

    [Description("The parcel's tracking number with that carrier, at most 100 characters. Left out, none is recorded.")]
    public string? TrackingNumber { get; init; }
}

[Description("Which order was delivered.")]
public sealed record MarkOrderDeliveredInput
{
    [Description("The order's id.")]
    public required Guid OrderId { get; init; }
}

[Description("Which order to complete.")]
public sealed record CompleteOrderInput
{
    [Description("The order's id.")]
    public required Guid OrderId { get; init; }
}

public sealed class ConfirmOrderInputType : AutoRegisteringInputObjectGraphType<ConfirmOrderInput>;

public sealed class CancelOrderInputType : AutoRegisteringInputObjectGraphType<CancelOrderInput>;

public sealed class ShipOrderInputType : AutoRegisteringInputObjectGraphType<ShipOrderInput>;

public sealed class MarkOrderDeliveredInputType : AutoRegisteringInputObjectGraphType<MarkOrderDeliveredInput>;

public sealed class CompleteOrderInputType : AutoRegisteringInputObjectGraphType<CompleteOrderInput>;

/// <summary>
/// The people's moves of an order: confirmOrder, cancelOrder, shipOrder, markOrderDelivered and completeOrder (a
/// return's are in <see cref="ReturnMutations"/>). Each is one row of the transition table, made by
/// <see cref="OrderWorkflow"/> on the locked order; an illegal move is a userError, never an exception.
/// </summary>
public sealed class OrderMutations(OrderWorkflow workflow, ICurrentUser currentUser)
{
    private sealed record Move(Guid OrderId, OrderAction Action, string? Reason = null, ShipmentDetails? Shipment = null);

    public static void AddTo(ObjectGraphType mutation)
    {
        Add<ConfirmOrderInputType, ConfirmOrderInput, ConfirmOrderPayloadType>(mutation, "confirmOrder",
            "The seller (or an admin) accepts a PENDING order (→ CONFIRMED): it is to be packed, and GoShop's shipping offers its parcel to " +
            "shippers. userErrors: ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, FORBIDDEN_ACTOR.",
            input => new Move(input.OrderId, OrderAction.Confirm));
        Add<CancelOrderInputType, CancelOrderInput, CancelOrderPayloadType>(mutation, "cancelOrder",
            "Cancels an order that has not shipped (PENDING_PAYMENT, PENDING or CONFIRMED → CANCELLED): by its buyer, or by its seller or an " +
            "admin with a reason. Its stock goes back on sale, its coupon use is given back and a paid order is refunded. " +
            "userErrors: TOO_LONG, ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, REASON_REQUIRED.",
            input => new Move(input.OrderId, OrderAction.Cancel, input.Reason));
        Add<ShipOrderInputType, ShipOrderInput, ShipOrderPayloadType>(mutation, "shipOrder",
            "The seller (or an admin) hands a CONFIRMED order's parcel over for delivery (→ SHIPPED), optionally naming the carrier and " +
            "tracking number. An order GoShop's shipping carries moves by itself when a shipper picks the parcel up. " +
            "userErrors: TOO_LONG, ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, FORBIDDEN_ACTOR.",
            input => new Move(input.OrderId, OrderAction.Ship, Shipment: new ShipmentDetails(input.Carrier, input.TrackingNumber)));
        Add<MarkOrderDeliveredInputType, MarkOrderDeliveredInput, MarkOrderDeliveredPayloadType>(mutation, "markOrderDelivered",
            "The seller (delivering it themselves) or an admin records that a SHIPPED order reached the buyer (→ DELIVERED); the return " +
            "window opens. userErrors: ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, FORBIDDEN_ACTOR.",
            input => new Move(input.OrderId, OrderAction.MarkDelivered));
        Add<CompleteOrderInputType, CompleteOrderInput, CompleteOrderPayloadType>(mutation, "completeOrder",
            "The buyer confirms they received a DELIVERED order and are happy with it (→ COMPLETED): the sale is final and no return can be " +
            "asked for. Left alone, the order completes by itself at its returnDeadline. " +
            "userErrors: ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, FORBIDDEN_ACTOR.",
            input => new Move(input.OrderId, OrderAction.Complete));
    }

    private static void Add<TInputType, TInput, TPayloadType>(ObjectGraphType mutation, string name, string description, Func<TInput, Move> move)
        where TInputType : IInputObjectGraphType
        where TPayloadType : IGraphType =>
        mutation.Field<NonNullGraphType<TPayloadType>, OrderPayload>(name)
            .Description(description)
            .Authorize()
            .Argument<NonNullGraphType<TInputType>>("input", "The order, and what the move needs.")
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
