using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.Media;
using GoShop.Ordering.Domain.Returns;
using GoShop.Ordering.Domain;
using GoShop.Ordering.GraphQL.Types;
using GoShop.Ordering.Workflow;
using GraphQL.Types;
using GraphQL;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Ordering.GraphQL.Mutations;

[Description("What the buyer wants to return, and why.")]
public sealed record RequestReturnInput
{
    [Description("The delivered order's id.")]
    public required Guid OrderId { get; init; }

    [Description("Why the buyer sends it back, 1 to 500 characters (REASON_REQUIRED when blank). The seller reads it on the return and in the " +
        "order's history and timeline.")]
    public required string Reason { get; init; }

    [Description("Which units go back: each a line of this order, at most once, with 1 to its quantity. Left out or empty, the whole order goes " +
        "back (then the shipping fee is refunded too).")]
    public List<ReturnLineInput>? Lines { get; init; }

    [Description("Photos of the goods, at most 6: images the buyer uploaded to media (uploadMedia). Left out, none.")]
    public List<Guid>? MediaIds { get; init; }
}

[Description("Units of one order line to send back.")]
public sealed record ReturnLineInput
{
    [Description("The order line's id (Order.lines.id).")]
    public required Guid OrderLineId { get; init; }

    [Description("How many units of the line go back: 1 to the quantity bought.")]
    public required int Quantity { get; init; }
}

[Description("Which return to approve: give exactly one of returnId and orderId.")]
public sealed record ApproveReturnInput
{
    [Description("The return's id.")]
    public Guid? ReturnId { get; init; }

    [Description("The order whose return it is; kept for clients written before returns had ids of their own. Prefer returnId.")]
    public Guid? OrderId { get; init; }
}

[Description("Which return to reject, and why: give exactly one of returnId and orderId.")]
public sealed record RejectReturnInput
{
    [Description("The return's id.")]
    public Guid? ReturnId { get; init; }

    [Description("The order whose return it is; kept for clients written before returns had ids of their own. Prefer returnId.")]
    public Guid? OrderId { get; init; }

    [Description("Why the return is refused, 1 to 500 characters (REASON_REQUIRED when blank). The buyer reads it on the return " +
        "(rejectionReason) and in the order's history and timeline.")]
    public required string Reason { get; init; }
}

public sealed class RequestReturnInputType : AutoRegisteringInputObjectGraphType<RequestReturnInput>;

public sealed class ReturnLineInputType : AutoRegisteringInputObjectGraphType<ReturnLineInput>;

public sealed class ApproveReturnInputType : AutoRegisteringInputObjectGraphType<ApproveReturnInput>;

public sealed class RejectReturnInputType : AutoRegisteringInputObjectGraphType<RejectReturnInput>;

/// <summary>
/// requestReturn, approveReturn and rejectReturn: each checks its input, then <see cref="ReturnWorkflow"/> moves the
/// return and its order together on the locked order; a refusal is a userError and changes nothing.
/// </summary>
public sealed class ReturnMutations(ReturnWorkflow workflow, UploadedMedia media, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RequestReturnPayloadType>, ReturnPayload>("requestReturn")
            .Description("The buyer asks to return some units of a DELIVERED order, or all of it, before its returnDeadline, saying why and " +
                "optionally with photos: the order becomes RETURN_REQUESTED and the return REQUESTED, for its seller or an admin to approve or " +
                "reject. An order has at most one return. The refund is priced now (Return.refund). " +
                "userErrors: REASON_REQUIRED, TOO_LONG, TOO_MANY_PHOTOS, MEDIA_NOT_FOUND, MEDIA_NOT_AN_IMAGE, MEDIA_NOT_YOURS, MEDIA_UNAVAILABLE, " +
                "ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, RETURN_ALREADY_REQUESTED, INVALID_TRANSITION, FORBIDDEN_ACTOR, RETURN_WINDOW_CLOSED, " +
                "DUPLICATE_RETURN_LINE, ORDER_LINE_NOT_FOUND, QUANTITY_OUT_OF_RANGE.")
            .Authorize()
            .Argument<NonNullGraphType<RequestReturnInputType>>("input", "The order, the reason, and optionally the units and photos.")
            .ResolveAsync(async context => await context.Service<ReturnMutations>().RequestAsync(context.GetArgument<RequestReturnInput>("input"),
                context.CancellationToken));

        mutation.Field<NonNullGraphType<ApproveReturnPayloadType>, ReturnPayload>("approveReturn")
            .Description("The seller (or an admin) accepts a REQUESTED return (→ APPROVED; its order RETURN_REQUESTED → RETURNED): GoShop's " +
                "shipping sends a shipper to fetch the parcel from the buyer; once it reaches the shop the units go back in stock and the buyer is " +
                "refunded. userErrors: RETURN_OR_ORDER_REQUIRED, RETURN_NOT_FOUND, ORDER_NOT_FOUND, NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, " +
                "FORBIDDEN_ACTOR.")
            .Authorize()
            .Argument<NonNullGraphType<ApproveReturnInputType>>("input", "The return, by its id or its order's.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ApproveReturnInput>("input");
                return await context.Service<ReturnMutations>().DecideAsync(new ReturnTarget(input.ReturnId, input.OrderId), approve: true, null,
                    context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<RejectReturnPayloadType>, ReturnPayload>("rejectReturn")
            .Description("The seller (or an admin) refuses a REQUESTED return, saying why (→ REJECTED; its order RETURN_REQUESTED → COMPLETED): " +
                "nothing goes back and the sale is final. userErrors: RETURN_OR_ORDER_REQUIRED, TOO_LONG, RETURN_NOT_FOUND, ORDER_NOT_FOUND, " +
                "NOT_ORDER_PARTICIPANT, INVALID_TRANSITION, FORBIDDEN_ACTOR, REASON_REQUIRED.")
            .Authorize()
            .Argument<NonNullGraphType<RejectReturnInputType>>("input", "The return, by its id or its order's, and why it is refused.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RejectReturnInput>("input");
                return await context.Service<ReturnMutations>().DecideAsync(new ReturnTarget(input.ReturnId, input.OrderId), approve: false,
                    input.Reason, context.CancellationToken);
            });
    }

    private async Task<ReturnPayload> RequestAsync(RequestReturnInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck();
        if (string.IsNullOrWhiteSpace(input.Reason))
            check.Add(OrderErrors.ReasonRequired);
        else
            check.Text(input.Reason, "reason", Return.MaxReason);
        var mediaIds = (input.MediaIds ?? []).Distinct().ToList();
        if (mediaIds.Count > Return.MaxPhotos)
            check.Add(ReturnErrors.TooManyPhotos);
        if (check.HasErrors)
            return Fail<ReturnPayload>(check);
        if (await media.ImageProblemAsync(mediaIds, "mediaIds", "A return's photo", adminsMayUseAny: false, cancellationToken) is { } problem)
            return Fail<ReturnPayload>(problem);

        var request = new ReturnRequest(input.OrderId, input.Reason, input.Lines?.Select(l => new ReturnLineRequest(l.OrderLineId, l.Quantity)).ToList(),
            mediaIds);
        var requested = await workflow.RequestAsync(request, currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), cancellationToken);
        return requested.Succeeded
            ? new ReturnPayload { Return = requested.Value.Return, Order = requested.Value.Order }
            : Fail<ReturnPayload>(requested.Error);
    }

    private async Task<ReturnPayload> DecideAsync(ReturnTarget target, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(reason, "reason", Return.MaxReason, required: false);
        if ((target.ReturnId is null) == (target.OrderId is null))
            check.Add(ReturnErrors.ReturnOrOrderRequired);
        if (check.HasErrors)
            return Fail<ReturnPayload>(check);
        var decided = await workflow.DecideAsync(target, approve, reason, currentUser.RequireId(), currentUser.IsInRole(Roles.Admin), cancellationToken);
        return decided.Succeeded
            ? new ReturnPayload { Return = decided.Value.Return, Order = decided.Value.Order }
            : Fail<ReturnPayload>(decided.Error);
    }
}
