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

public sealed record RequestPayoutInput
{
    public required Guid ShopId { get; init; }

    [Description("How much, in đồng: at most the shop's available balance.")]
    public required decimal Amount { get; init; }

    [Description("A repeat with the same key answers the same payout.")]
    public required string IdempotencyKey { get; init; }
}

public sealed record MarkPayoutPaidInput
{
    public required Guid PayoutId { get; init; }

    [Description("The bank's reference of the transfer.")]
    public required string BankReference { get; init; }
}

public sealed record FailPayoutInput
{
    public required Guid PayoutId { get; init; }

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
        Field<PayoutType, Payout>("payout").Resolve(context => context.Source.Payout);
    }
}

/// <summary>requestPayout (the shop's owner) and markPayoutPaid / failPayout (an admin's record of the bank transfer).</summary>
public sealed class PayoutMutations(PayoutDesk payouts, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PayoutPayloadType>, PayoutPayload>("requestPayout")
            .Description("The shop's owner asks for part of its available balance to be paid to its bank account: taken out of the balance at once.")
            .Authorize()
            .Argument<NonNullGraphType<RequestPayoutInputType>>("input")
            .ResolveAsync(async context => await context.Service<PayoutMutations>().RequestAsync(context.GetArgument<RequestPayoutInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<PayoutPayloadType>, PayoutPayload>("markPayoutPaid")
            .Description("An admin records the bank transfer of a pending payout.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<MarkPayoutPaidInputType>>("input")
            .ResolveAsync(async context => await context.Service<PayoutMutations>().MarkPaidAsync(context.GetArgument<MarkPayoutPaidInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<PayoutPayloadType>, PayoutPayload>("failPayout")
            .Description("An admin records that the transfer of a pending payout failed: its amount goes back into the shop's balance.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<FailPayoutInputType>>("input")
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
