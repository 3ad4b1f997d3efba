using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Types;
using GoShop.Payments.SavedPaymentMethods;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Payments.GraphQL.Mutations;

public sealed record SavePaymentMethodInput
{
    public required PaymentGateway Gateway { get; init; }

    [System.ComponentModel.Description("The provider's token of the card or wallet (e.g. Stripe's pm_...). Never a card number.")]
    public required string Token { get; init; }

    public required string Brand { get; init; }

    public required string Last4 { get; init; }

    public int? ExpiryMonth { get; init; }

    public int? ExpiryYear { get; init; }

    public bool? MakeDefault { get; init; }
}

public sealed record PaymentMethodIdInput
{
    public required Guid PaymentMethodId { get; init; }
}

public sealed class SavePaymentMethodInputType : AutoRegisteringInputObjectGraphType<SavePaymentMethodInput>;

public sealed class DeletePaymentMethodInputType : AutoRegisteringInputObjectGraphType<PaymentMethodIdInput>
{
    public DeletePaymentMethodInputType() => Name = "DeletePaymentMethodInput";
}

public sealed class SetDefaultPaymentMethodInputType : AutoRegisteringInputObjectGraphType<PaymentMethodIdInput>
{
    public SetDefaultPaymentMethodInputType() => Name = "SetDefaultPaymentMethodInput";
}

/// <summary>savePaymentMethod, deletePaymentMethod and setDefaultPaymentMethod: the signed-in buyer's own saved methods.</summary>
public sealed class PaymentMethodMutations(PaymentMethodWallet wallet, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SavePaymentMethodPayloadType>, PaymentMethodPayload>("savePaymentMethod")
            .Description("Saves a card or wallet the provider tokenised: only its token, brand, last 4 digits and expiry are kept.")
            .Authorize()
            .Argument<NonNullGraphType<SavePaymentMethodInputType>>("input")
            .ResolveAsync(async context => await context.Service<PaymentMethodMutations>().SaveAsync(context.GetArgument<SavePaymentMethodInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeletePaymentMethodPayloadType>, PaymentMethodPayload>("deletePaymentMethod")
            .Authorize()
            .Argument<NonNullGraphType<DeletePaymentMethodInputType>>("input")
            .ResolveAsync(async context => await context.Service<PaymentMethodMutations>().DeleteAsync(context.GetArgument<PaymentMethodIdInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetDefaultPaymentMethodPayloadType>, PaymentMethodPayload>("setDefaultPaymentMethod")
            .Authorize()
            .Argument<NonNullGraphType<SetDefaultPaymentMethodInputType>>("input")
            .ResolveAsync(async context => await context.Service<PaymentMethodMutations>().SetDefaultAsync(context.GetArgument<PaymentMethodIdInput>("input"), context.CancellationToken));
    }

    private async Task<PaymentMethodPayload> SaveAsync(SavePaymentMethodInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var check = new InputCheck().Text(input.Token, "token", SavedPaymentMethod.MaxToken).Text(input.Brand, "brand", SavedPaymentMethod.MaxBrand);
        if (input.Last4 is not { Length: 4 } last4 || !last4.All(char.IsAsciiDigit))
            check.Add("INVALID_LAST4", "Give the last 4 digits of the card, and only those.", "last4");
        if ((input.ExpiryMonth is null) != (input.ExpiryYear is null))
            check.Add("INVALID_EXPIRY", "Give both the expiry month and year, or neither.", "expiryMonth");
        else if (input.ExpiryMonth is { } month && (month is < 1 or > 12))
            check.Add("INVALID_EXPIRY", "The expiry month is 1 to 12.", "expiryMonth");
        else if (input.ExpiryYear is { } year && (year < now.Year || year > now.Year + 30 || (year == now.Year && input.ExpiryMonth < now.Month)))
            check.Add("CARD_EXPIRED", "The card has expired (or the year is not a card's).", "expiryYear");
        if (check.HasErrors)
            return Fail<PaymentMethodPayload>(check);
        var method = new NewPaymentMethod(input.Gateway, input.Token, input.Brand, input.Last4, input.ExpiryMonth, input.ExpiryYear, input.MakeDefault == true);
        return Answer(await wallet.SaveAsync(userId, method, cancellationToken));
    }

    private async Task<PaymentMethodPayload> DeleteAsync(PaymentMethodIdInput input, CancellationToken cancellationToken)
    {
        var deleted = await wallet.DeleteAsync(currentUser.RequireId(), input.PaymentMethodId, cancellationToken);
        return deleted.Succeeded ? new PaymentMethodPayload { DeletedId = deleted.Value.Id } : Fail<PaymentMethodPayload>(deleted.Error);
    }

    private async Task<PaymentMethodPayload> SetDefaultAsync(PaymentMethodIdInput input, CancellationToken cancellationToken) =>
        Answer(await wallet.SetDefaultAsync(currentUser.RequireId(), input.PaymentMethodId, cancellationToken));

    private static PaymentMethodPayload Answer(Result<SavedPaymentMethod> result) =>
        result.Succeeded ? new PaymentMethodPayload { PaymentMethod = result.Value } : Fail<PaymentMethodPayload>(result.Error);
}
