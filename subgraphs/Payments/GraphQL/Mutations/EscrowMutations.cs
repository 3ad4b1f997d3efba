using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Payments.CashOnDelivery;
using GoShop.Payments.Domain;
using GoShop.Payments.Escrows;
using GoShop.Payments.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Payments.GraphQL.Mutations;

[Description("The delivered order whose receipt the buyer confirms.")]
public sealed record ConfirmReceiptInput
{
    [Description("The delivered order's id; you must be its buyer.")]
    public required Guid OrderId { get; init; }
}

[Description("The paid order the buyer disputes, and why.")]
public sealed record OpenDisputeInput
{
    [Description("The paid order's id; you must be its buyer.")]
    public required Guid OrderId { get; init; }

    [Description("Why, for the admin who decides: up to 1000 characters (trimmed).")]
    public required string Reason { get; init; }
}

[Description("Which dispute an admin decides, and for whom.")]
public sealed record ResolveDisputeInput
{
    [Description("The id of an OPEN dispute the buyer opened (source BUYER).")]
    public required Guid DisputeId { get; init; }

    [Description("Whom the decision is for.")]
    public required DisputeOutcome Outcome { get; init; }

    [Description("The admin's note on the decision, up to 1000 characters; kept with the dispute.")]
    public string? Note { get; init; }
}

[Description("Whose cash collections to settle.")]
public sealed record RecordCodSettlementInput
{
    [Description("The shipper's user id.")]
    public required Guid ShipperId { get; init; }
}

public sealed class ConfirmReceiptInputType : AutoRegisteringInputObjectGraphType<ConfirmReceiptInput>;

public sealed class OpenDisputeInputType : AutoRegisteringInputObjectGraphType<OpenDisputeInput>;

public sealed class ResolveDisputeInputType : AutoRegisteringInputObjectGraphType<ResolveDisputeInput>;

public sealed class RecordCodSettlementInputType : AutoRegisteringInputObjectGraphType<RecordCodSettlementInput>;

/// <summary>confirmReceipt and openDispute (the buyer's say over the held money), resolveDispute and recordCodSettlement (an admin's).</summary>
public sealed class EscrowMutations(EscrowDesk escrows, DisputeResolutions disputes, CodSettlements codSettlements, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ConfirmReceiptPayloadType>, EscrowPayload>("confirmReceipt")
            .Description("The buyer confirms a delivered order arrived as expected: its held money is released to the shop at once, less the " +
                "platform's commission, instead of at its release time. Not while a dispute has frozen it. userErrors: ESCROW_NOT_FOUND, " +
                "ORDER_NOT_DELIVERED, ESCROW_NOT_HELD.")
            .Authorize()
            .Argument<NonNullGraphType<ConfirmReceiptInputType>>("input", "The delivered order whose receipt the buyer confirms.")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().ConfirmReceiptAsync(context.GetArgument<ConfirmReceiptInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<OpenDisputePayloadType>, EscrowPayload>("openDispute")
            .Description("The buyer disputes a paid order whose money is still held, saying why: the money is frozen (neither released nor " +
                "confirmable) until an admin decides the dispute with resolveDispute. One open dispute per order. userErrors: REQUIRED, " +
                "TOO_LONG, ESCROW_NOT_FOUND, DISPUTE_ALREADY_OPEN, ESCROW_NOT_HELD.")
            .Authorize()
            .Argument<NonNullGraphType<OpenDisputeInputType>>("input", "The paid order the buyer disputes, and why.")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().OpenDisputeAsync(context.GetArgument<OpenDisputeInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ResolveDisputePayloadType>, ResolveDisputePayload>("resolveDispute")
            .Description("An admin decides a dispute the buyer opened (chargebacks are decided by the bank): BUYER refunds what is left of the " +
                "order's share to the original payment method, SELLER holds the money for the shop again (released at once if its release " +
                "time has passed). A refund the provider refuses (REFUND_FAILED) leaves the dispute open. Admins only (otherwise a FORBIDDEN " +
                "error). userErrors: TOO_LONG, DISPUTE_NOT_FOUND, DISPUTE_IS_CHARGEBACK, DISPUTE_CLOSED, REFUND_FAILED.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<ResolveDisputeInputType>>("input", "Which dispute to decide, and for whom.")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().ResolveDisputeAsync(context.GetArgument<ResolveDisputeInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RecordCodSettlementPayloadType>, CodSettlementPayload>("recordCodSettlement")
            .Description("An admin records that a shipper handed over all the cash they collected on delivery: every collection of theirs " +
                "not yet settled is settled. Admins only (otherwise a FORBIDDEN error). userErrors: NOTHING_TO_SETTLE.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<RecordCodSettlementInputType>>("input", "Whose cash collections to settle.")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().SettleAsync(context.GetArgument<RecordCodSettlementInput>("input"), context.CancellationToken));
    }

    private async Task<EscrowPayload> ConfirmReceiptAsync(ConfirmReceiptInput input, CancellationToken cancellationToken)
    {
        var confirmed = await escrows.ConfirmReceiptAsync(input.OrderId, currentUser.RequireId(), cancellationToken);
        return confirmed.Succeeded ? new EscrowPayload { Escrow = confirmed.Value } : Fail<EscrowPayload>(confirmed.Error);
    }

    private async Task<EscrowPayload> OpenDisputeAsync(OpenDisputeInput input, CancellationToken cancellationToken)
    {
        var buyerId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Reason, "reason", Dispute.MaxReason);
        if (check.HasErrors)
            return Fail<EscrowPayload>(check);
        var opened = await escrows.OpenDisputeAsync(input.OrderId, buyerId, input.Reason.Trim(), cancellationToken);
        return opened.Succeeded ? new EscrowPayload { Escrow = opened.Value.Escrow, Dispute = opened.Value.Dispute } : Fail<EscrowPayload>(opened.Error);
    }

    private async Task<ResolveDisputePayload> ResolveDisputeAsync(ResolveDisputeInput input, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Note, "note", Dispute.MaxReason, required: false);
        if (check.HasErrors)
            return Fail<ResolveDisputePayload>(check);
        var resolved = await disputes.ResolveAsync(input.DisputeId, input.Outcome, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), adminId, cancellationToken);
        return resolved.Succeeded ? new ResolveDisputePayload { Resolution = resolved.Value } : Fail<ResolveDisputePayload>(resolved.Error);
    }

    private async Task<CodSettlementPayload> SettleAsync(RecordCodSettlementInput input, CancellationToken cancellationToken)
    {
        var settled = await codSettlements.SettleAsync(input.ShipperId, currentUser.RequireId(), cancellationToken);
        return settled.Succeeded
            ? new CodSettlementPayload { SettledCount = settled.Value.Count, SettledAmount = settled.Value.Amount }
            : Fail<CodSettlementPayload>(settled.Error);
    }
}
