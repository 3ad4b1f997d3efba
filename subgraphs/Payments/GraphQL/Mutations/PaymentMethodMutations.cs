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

[System.ComponentModel.Description("A card or wallet the provider tokenised, with what identifies it to a person.")]
public sealed record SavePaymentMethodInput
{
    [System.ComponentModel.Description("The provider that tokenised it; payments with it go through this gateway.")]
    public required PaymentGateway Gateway { get; init; }

    [System.ComponentModel.Description("The provider's token of the card or wallet (e.g. Stripe's pm_...), up to 200 characters. Never a "
        + "card number: anything that looks like one is refused.")]
    public required string Token { get; init; }

    [System.ComponentModel.Description("The card brand or wallet name to show, e.g. Visa; up to 30 characters.")]
    public required string Brand { get; init; }

    [System.ComponentModel.Description("The card's last 4 digits: exactly 4 digits.")]
    public required string Last4 { get; init; }

    [System.ComponentModel.Description("The month the card expires, 1 to 12. Give both month and year, or neither (e.g. a wallet).")]
    public int? ExpiryMonth { get; init; }

    [System.ComponentModel.Description("The year the card expires, e.g. 2029: not past (nor this year with a past month), at most 30 years ahead.")]
    public int? ExpiryYear { get; init; }

    [System.ComponentModel.Description("Make it the default method (default false). The buyer's first saved method becomes the default anyway.")]
    public bool? MakeDefault { get; init; }
}

public sealed record PaymentMethodIdInput
{
    [System.ComponentModel.Description("The id of one of your saved payment methods.")]
    public required Guid PaymentMethodId { get; init; }
}

public sealed class SavePaymentMethodInputType : AutoRegisteringInputObjectGraphType<SavePaymentMethodInput>;

public sealed class DeletePaymentMethodInputType : AutoRegisteringInputObjectGraphType<PaymentMethodIdInput>
{
    public DeletePaymentMethodInputType()
    {
        Name = "DeletePaymentMethodInput";
        Description = "Which saved payment method to delete.";
    }
}

public sealed class SetDefaultPaymentMethodInputType : AutoRegisteringInputObjectGraphType<PaymentMethodIdInput>
{
    public SetDefaultPaymentMethodInputType()
    {
        Name = "SetDefaultPaymentMethodInput";
        Description = "Which saved payment method becomes the default.";
    }
}

/// <summary>savePaymentMethod, deletePaymentMethod and setDefaultPaymentMethod: the signed-in buyer's own saved methods.</summary>
public sealed class PaymentMethodMutations(PaymentMethodWallet wallet, ICurrentUser currentUser, TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SavePaymentMethodPayloadType>, PaymentMethodPayload>("savePaymentMethod")
            .Description("The signed-in buyer saves a card or wallet the provider tokenised: only its token, brand, last 4 digits and " +
                "expiry are kept. Card numbers are never accepted. The buyer's first saved method becomes the default. userErrors: REQUIRED, " +
                "TOO_LONG, INVALID_LAST4, INVALID_EXPIRY, CARD_EXPIRED, CARD_DATA_NOT_ACCEPTED, PAYMENT_METHOD_ALREADY_SAVED.")
            .Authorize()
            .Argument<NonNullGraphType<SavePaymentMethodInputType>>("input", "The card or wallet to save.")
            .ResolveAsync(async context => await context.Service<PaymentMethodMutations>().SaveAsync(context.GetArgument<SavePaymentMethodInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeletePaymentMethodPayloadType>, PaymentMethodPayload>("deletePaymentMethod")
            .Description("The signed-in buyer deletes one of their saved payment methods; when it was the default, the newest of the others " +
                "becomes the default. userErrors: PAYMENT_METHOD_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<DeletePaymentMethodInputType>>("input", "Which saved method to delete.")
            .ResolveAsync(async context => await context.Service<PaymentMethodMutations>().DeleteAsync(context.GetArgument<PaymentMethodIdInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetDefaultPaymentMethodPayloadType>, PaymentMethodPayload>("setDefaultPaymentMethod")
            .Description("The signed-in buyer makes one of their saved payment methods the default (listed first by myPaymentMethods); the " +
                "previous default no longer is. userErrors: PAYMENT_METHOD_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<SetDefaultPaymentMethodInputType>>("input", "Which saved method becomes the default.")
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
