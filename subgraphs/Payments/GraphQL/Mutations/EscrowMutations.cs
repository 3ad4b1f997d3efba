using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Escrows;
using GoShop.Payments.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Payments.GraphQL.Mutations.MutationResults;

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
public sealed class EscrowMutations(PaymentsDbContext db, EscrowReleases releases, DisputeResolutions disputes, ICurrentUser currentUser, TimeProvider clock)
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
        var buyerId = currentUser.RequireId();
        return await OnBuyersEscrowAsync(input.OrderId, buyerId, async escrow =>
        {
            var order = await db.OrderRecords.FindAsync([input.OrderId], cancellationToken);
            if (order?.DeliveredAt is null && order?.Status is not ("DELIVERED" or "COMPLETED"))
                return Fail<EscrowPayload>(PaymentErrors.NotDelivered);
            var released = releases.Release(escrow, EscrowReleases.ConfirmedByBuyer);
            return released.Succeeded ? new EscrowPayload { Escrow = escrow } : Fail<EscrowPayload>(released.Error);
        }, cancellationToken);
    }

    private async Task<EscrowPayload> OpenDisputeAsync(OpenDisputeInput input, CancellationToken cancellationToken)
    {
        var buyerId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Reason, "reason", Dispute.MaxReason);
        if (check.HasErrors)
            return Fail<EscrowPayload>(check);
        return await OnBuyersEscrowAsync(input.OrderId, buyerId, async escrow =>
        {
            if (await db.Disputes.AnyAsync(d => d.OrderId == input.OrderId && d.Status == DisputeStatus.Open, cancellationToken))
                return Fail<EscrowPayload>(PaymentErrors.DisputeOpen);
            if (!escrow.Freeze())
                return Fail<EscrowPayload>(PaymentErrors.EscrowNotHeld);
            var dispute = Dispute.Open(escrow.PaymentId, escrow.OrderId, buyerId, DisputeSource.Buyer, input.Reason.Trim(), null, clock.GetUtcNow());
            db.Disputes.Add(dispute);
            return new EscrowPayload { Escrow = escrow, Dispute = dispute };
        }, cancellationToken);
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

    /// <summary>Runs a buyer's move on the order's escrow, under the order's lock, and saves it when it succeeded.</summary>
    private async Task<EscrowPayload> OnBuyersEscrowAsync(Guid orderId, Guid buyerId, Func<Escrow, Task<EscrowPayload>> move, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockPaymentOfEscrowAsync(orderId, cancellationToken);
        await db.LockOrdersAsync([orderId], cancellationToken);
        var escrow = await db.Escrows.SingleOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        if (escrow is null || escrow.BuyerId != buyerId)
            return Fail<EscrowPayload>(PaymentErrors.EscrowNotFound);
        var payload = await move(escrow);
        if (payload.UserErrors.Count > 0)
            return payload;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payload;
    }

    private async Task<CodSettlementPayload> SettleAsync(RecordCodSettlementInput input, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireId();
        var open = await db.CodDebts.Where(d => d.ShipperId == input.ShipperId && d.SettledAt == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
            return Fail<CodSettlementPayload>(PaymentErrors.NothingToSettle);
        foreach (var debt in open)
            debt.Settle(adminId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new CodSettlementPayload { SettledCount = open.Count, SettledAmount = open.Sum(d => d.Amount) };
    }
}
