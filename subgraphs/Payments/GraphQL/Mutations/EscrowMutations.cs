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

public sealed record ConfirmReceiptInput
{
    public required Guid OrderId { get; init; }
}

public sealed record OpenDisputeInput
{
    public required Guid OrderId { get; init; }

    public required string Reason { get; init; }
}

public sealed record ResolveDisputeInput
{
    public required Guid DisputeId { get; init; }

    public required DisputeOutcome Outcome { get; init; }

    public string? Note { get; init; }
}

public sealed record RecordCodSettlementInput
{
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
            .Description("The buyer confirms a delivered order arrived as expected: its held money is released to the shop (less commission).")
            .Authorize()
            .Argument<NonNullGraphType<ConfirmReceiptInputType>>("input")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().ConfirmReceiptAsync(context.GetArgument<ConfirmReceiptInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<OpenDisputePayloadType>, EscrowPayload>("openDispute")
            .Description("The buyer disputes a paid order, saying why: its held money is frozen until the dispute is decided.")
            .Authorize()
            .Argument<NonNullGraphType<OpenDisputeInputType>>("input")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().OpenDisputeAsync(context.GetArgument<OpenDisputeInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ResolveDisputePayloadType>, ResolveDisputePayload>("resolveDispute")
            .Description("An admin decides a buyer's dispute: BUYER refunds what is left of the order through its gateway, SELLER holds the money for the shop again (released at once if its release time has passed).")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<ResolveDisputeInputType>>("input")
            .ResolveAsync(async context => await context.Service<EscrowMutations>().ResolveDisputeAsync(context.GetArgument<ResolveDisputeInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RecordCodSettlementPayloadType>, CodSettlementPayload>("recordCodSettlement")
            .Description("An admin records that a shipper handed over all the cash they collected: their open collections are settled.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<RecordCodSettlementInputType>>("input")
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
