using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Account;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

[Description("What to change in the profile; fields left out stay as they are.")]
public sealed record UpdateProfileInput
{
    [Description("The new name, 1 to 100 characters; it cannot be blanked.")]
    public string? FullName { get; init; }

    [Description("A phone number, 8 to 15 digits, with an optional leading + and spaces, dots, dashes or parentheses; an empty string removes it.")]
    public string? Phone { get; init; }
}

[Description("The password, to confirm the deletion.")]
public sealed record DeleteAccountInput
{
    [Description("The current password, to confirm.")]
    public required string Password { get; init; }
}

[Description("Who you are as a shipper, and what you deliver with.")]
public sealed record RegisterAsShipperInput
{
    [Description("What you deliver with.")]
    public required VehicleType VehicleType { get; init; }

    [Description("The vehicle's licence plate (for a bicycle, any identifying mark): 3 to 15 letters, digits, dashes, dots or spaces once " +
        "trimmed. Kept upper-cased.")]
    public required string PlateNumber { get; init; }

    [Description("National ID (CCCD/CMND) or passport number: 6 to 20 letters or digits once spaces and dashes are removed. One ID number " +
        "serves one shipper account. Only its last four digits are kept in clear.")]
    public required string IdNumber { get; init; }
}

public sealed class UpdateProfileInputType : AutoRegisteringInputObjectGraphType<UpdateProfileInput>;

public sealed class DeleteAccountInputType : AutoRegisteringInputObjectGraphType<DeleteAccountInput>;

public sealed class RegisterAsShipperInputType : AutoRegisteringInputObjectGraphType<RegisterAsShipperInput>;

/// <summary>updateProfile, deleteAccount and registerAsShipper.</summary>
public sealed class ProfileMutations(AccountDesk accounts, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UpdateProfilePayloadType>, UserPayload>("updateProfile")
            .Description("Changes the name or phone of the signed-in user. Fields left out stay as they are. " +
                "userErrors: REQUIRED, TOO_LONG, INVALID_PHONE.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateProfileInputType>>("input", "The name and phone to change.")
            .ResolveAsync(async context => await context.Service<ProfileMutations>()
                .UpdateProfileAsync(context.GetArgument<UpdateProfileInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteAccountPayloadType>, AcknowledgementPayload>("deleteAccount")
            .Description("Deletes the signed-in user's account for good: its email, password, phone, addresses, shipper profile and roles are " +
                "erased, its name becomes \"Deleted user\", and every session is signed out. Orders keep pointing at the account. " +
                "userErrors: WRONG_PASSWORD.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteAccountInputType>>("input", "The current password.")
            .ResolveAsync(async context => await context.Service<ProfileMutations>()
                .DeleteAccountAsync(context.GetArgument<DeleteAccountInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RegisterAsShipperPayloadType>, UserPayload>("registerAsShipper")
            .Description("Makes the signed-in user a shipper. The SHIPPER role appears in access tokens issued from now on (refresh the token). " +
                "userErrors: INVALID_PLATE_NUMBER, INVALID_ID_NUMBER, ALREADY_SHIPPER, ID_NUMBER_IN_USE.")
            .Authorize()
            .Argument<NonNullGraphType<RegisterAsShipperInputType>>("input", "The vehicle, its plate and the ID number.")
            .ResolveAsync(async context => await context.Service<ProfileMutations>()
                .RegisterAsShipperAsync(context.GetArgument<RegisterAsShipperInput>("input"), context.CancellationToken));
    }

    public async Task<UserPayload> UpdateProfileAsync(UpdateProfileInput input, CancellationToken cancellationToken)
    {
        var holder = currentUser.Holder();
        var check = new InputCheck()
            .Text(input.FullName, "fullName", maxLength: 100, required: false)
            .Phone(input.Phone, "phone", required: false);
        if (input.FullName is not null && string.IsNullOrWhiteSpace(input.FullName))
            check.Add("REQUIRED", "Full name cannot be blank.", "fullName");
        if (check.HasErrors)
            return Fail<UserPayload>(check);
        var clearPhone = input.Phone is not null && string.IsNullOrWhiteSpace(input.Phone);
        return Answer(await accounts.UpdateProfileAsync(holder, input.FullName, input.Phone, clearPhone, cancellationToken));
    }

    public async Task<AcknowledgementPayload> DeleteAccountAsync(DeleteAccountInput input, CancellationToken cancellationToken)
    {
        var deleted = await accounts.DeleteAsync(currentUser.Holder(), input.Password, cancellationToken);
        return deleted.Succeeded ? new AcknowledgementPayload() : Refused<AcknowledgementPayload>(deleted.Error);
    }

    public async Task<UserPayload> RegisterAsShipperAsync(RegisterAsShipperInput input, CancellationToken cancellationToken)
    {
        var plate = input.PlateNumber?.Trim() ?? "";
        var idNumber = new string((input.IdNumber ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        var check = new InputCheck();
        if (plate.Length is < 3 or > 15 || !plate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ' '))
            check.Add("INVALID_PLATE_NUMBER", "The plate number is 3 to 15 letters, digits, dashes, dots or spaces.", "plateNumber");
        if (idNumber.Length is < 6 or > 20 || !idNumber.All(char.IsAsciiLetterOrDigit))
            check.Add("INVALID_ID_NUMBER", "The ID number is 6 to 20 letters or digits.", "idNumber");
        if (check.HasErrors)
            return Fail<UserPayload>(check);
        return Answer(await accounts.RegisterAsShipperAsync(currentUser.Holder(), new ShipperApplication(input.VehicleType, plate, idNumber), cancellationToken));
    }

    private static UserPayload Answer(Result<User> result) =>
        result.Succeeded ? new UserPayload { User = result.Value } : Refused<UserPayload>(result.Error);
}
