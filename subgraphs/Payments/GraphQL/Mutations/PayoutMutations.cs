using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Types;
using GoShop.Payments.Payouts;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Payments.GraphQL.Mutations.MutationResults;

namespace GoShop.Payments.GraphQL.Mutations;

[Description("Which shop's balance to pay out, and how much.")]
public sealed record RequestPayoutInput
{
    [Description("The shop's id; you must own it.")]
    public required Guid ShopId { get; init; }

    [Description("How much, in whole đồng, above 0: at most the shop's available balance.")]
    public required decimal Amount { get; init; }

    [Description("Up to 200 characters, unique per shop: a repeat with the same key (and amount) answers the same payout instead of "
        + "paying out again.")]
    public required string IdempotencyKey { get; init; }
}

[Description("The payout an admin records as transferred.")]
public sealed record MarkPayoutPaidInput
{
    [Description("The PENDING payout's id.")]
    public required Guid PayoutId { get; init; }

    [Description("The bank's reference of the transfer, up to 200 characters.")]
    public required string BankReference { get; init; }
}

[Description("The payout whose transfer failed, and why.")]
public sealed record FailPayoutInput
{
    [Description("The PENDING payout's id.")]
    public required Guid PayoutId { get; init; }

    [Description("Why the transfer failed, up to 200 characters.")]
    public required string Reason { get; init; }
}

public sealed class RequestPayoutInputType : AutoRegisteringInputObjectGraphType<RequestPayoutInput>;

public sealed class MarkPayoutPaidInputType : AutoRegisteringInputObjectGraphType<MarkPayoutPaidInput>;

public sealed class FailPayoutInputType : AutoRegisteringInputObjectGraphType<FailPayoutInput>;

public sealed record PayoutPayload : Payload
{
    public Payout? Payout { get; init; }
}

public sealed class PayoutPayloadType : PayloadType<PayoutPayload>
{
    public PayoutPayloadType()
    {
        Name = "PayoutPayload";
        Description = "What `requestPayout`, `markPayoutPaid` and `failPayout` return: the payout, or `userErrors` saying why nothing changed.";
        Field<PayoutType, Payout>("payout").Description("The payout requested or recorded; null when refused.").Resolve(context => context.Source.Payout);
    }
}

/// <summary>requestPayout (the shop's owner) and markPayoutPaid / failPayout (an admin's record of the bank transfer).</summary>
public sealed class PayoutMutations(PayoutDesk payouts, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayoutPayloadType>, PayoutPayload>("requestPayout")
            .Description("The shop's owner (checked with the shops subgraph) asks for part of its available balance to be paid to its bank " +
                "account: the amount is taken out of the balance at once (a PAYOUT entry) and the payout is PENDING until an admin records " +
                "the transfer. userErrors: INVALID_AMOUNT, REQUIRED, TOO_LONG, SHOPS_UNAVAILABLE, NOT_SHOP_OWNER, IDEMPOTENCY_KEY_REUSED, " +
                "INSUFFICIENT_BALANCE.")
            .Authorize()
            .Argument<NonNullGraphType<RequestPayoutInputType>>("input", "Which shop's balance to pay out, and how much.")
            .ResolveAsync(async context => await context.Service<PayoutMutations>().RequestAsync(context.GetArgument<RequestPayoutInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<PayoutPayloadType>, PayoutPayload>("markPayoutPaid")
            .Description("An admin records the bank transfer of a PENDING payout: it becomes PAID. Admins only (otherwise a FORBIDDEN error). " +
                "userErrors: REQUIRED, TOO_LONG, PAYOUT_NOT_FOUND, PAYOUT_NOT_PENDING.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<MarkPayoutPaidInputType>>("input", "The payout, and the bank's reference of its transfer.")
            .ResolveAsync(async context => await context.Service<PayoutMutations>().MarkPaidAsync(context.GetArgument<MarkPayoutPaidInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<PayoutPayloadType>, PayoutPayload>("failPayout")
            .Description("An admin records that the transfer of a PENDING payout failed: it becomes FAILED and its amount goes back into the " +
                "shop's balance (a PAYOUT_REVERSAL entry), paying the shop's debts first. Admins only (otherwise a FORBIDDEN error). " +
                "userErrors: REQUIRED, TOO_LONG, PAYOUT_NOT_FOUND, PAYOUT_NOT_PENDING.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<FailPayoutInputType>>("input", "The payout, and why its transfer failed.")
            .ResolveAsync(async context => await context.Service<PayoutMutations>().FailAsync(context.GetArgument<FailPayoutInput>("input"), context.CancellationToken));
    }

    private async Task<PayoutPayload> RequestAsync(RequestPayoutInput input, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireId();
        var check = new InputCheck().WholeDong(input.Amount).Text(input.IdempotencyKey, "idempotencyKey", Payout.MaxText);
        if (check.HasErrors)
            return Fail<PayoutPayload>(check);
        return Answer(await payouts.RequestAsync(input.ShopId, input.Amount, input.IdempotencyKey.Trim(), ownerId, cancellationToken));
    }

    private async Task<PayoutPayload> MarkPaidAsync(MarkPayoutPaidInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(input.BankReference, "bankReference", Payout.MaxText);
        return check.HasErrors ? Fail<PayoutPayload>(check) : Answer(await payouts.MarkPaidAsync(input.PayoutId, input.BankReference.Trim(), cancellationToken));
    }

    private async Task<PayoutPayload> FailAsync(FailPayoutInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(input.Reason, "reason", Payout.MaxText);
        return check.HasErrors ? Fail<PayoutPayload>(check) : Answer(await payouts.FailAsync(input.PayoutId, input.Reason.Trim(), cancellationToken));
    }

    private static PayoutPayload Answer(GoShop.BuildingBlocks.Domain.Result<Payout> result) =>
        result.Succeeded ? new PayoutPayload { Payout = result.Value } : Fail<PayoutPayload>(result.Error);
}
