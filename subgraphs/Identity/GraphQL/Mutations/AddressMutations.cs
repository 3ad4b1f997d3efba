using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Addresses;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

[Description("A new shipping address. Texts are trimmed.")]
public sealed record AddAddressInput
{
    [Description("Who receives parcels there, 1 to 100 characters.")]
    public required string RecipientName { get; init; }

    [Description("The recipient's phone number: 8 to 15 digits, with an optional leading + and spaces, dots, dashes or parentheses.")]
    public required string Phone { get; init; }

    [Description("House number and street, 1 to 200 characters.")]
    public required string Line1 { get; init; }

    [Description("The address's second line, up to 200 characters; optional.")]
    public string? Line2 { get; init; }

    [Description("The ward, up to 100 characters; optional.")]
    public string? Ward { get; init; }

    [Description("The district, 1 to 100 characters.")]
    public required string District { get; init; }

    [Description("The city or province, 1 to 100 characters.")]
    public required string City { get; init; }

    [Description("ISO 3166-1 alpha-2 code, e.g. VN (any case; kept upper-cased).")]
    public required string Country { get; init; }

    [Description("The postal code, up to 20 characters; optional.")]
    public string? PostalCode { get; init; }

    [Description("Where the address is on the map; optional. Without it, shipping fees locate the address by its ward, district and city.")]
    public GeoPoint? Location { get; init; }

    [Description("Make this the default address (the first address always is).")]
    public bool? MakeDefault { get; init; }
}

[Description("Which address, and what to change in it: fields left out stay as they are; the address as changed must pass addAddress's rules.")]
public sealed record UpdateAddressInput
{
    [Description("The id of one of your addresses.")]
    public required Guid AddressId { get; init; }

    [Description("Who receives parcels there, 1 to 100 characters.")]
    public string? RecipientName { get; init; }

    [Description("The recipient's phone number: 8 to 15 digits, with an optional leading + and spaces, dots, dashes or parentheses.")]
    public string? Phone { get; init; }

    [Description("House number and street, 1 to 200 characters.")]
    public string? Line1 { get; init; }

    [Description("The address's second line, up to 200 characters. An empty string removes it.")]
    public string? Line2 { get; init; }

    [Description("The ward, up to 100 characters. An empty string removes it.")]
    public string? Ward { get; init; }

    [Description("The district, 1 to 100 characters.")]
    public string? District { get; init; }

    [Description("The city or province, 1 to 100 characters.")]
    public string? City { get; init; }

    [Description("ISO 3166-1 alpha-2 code, e.g. VN.")]
    public string? Country { get; init; }

    [Description("The postal code, up to 20 characters. An empty string removes it.")]
    public string? PostalCode { get; init; }

    [Description("A new point on the map. Left out, the point stays as it is; it cannot be removed.")]
    public GeoPoint? Location { get; init; }
}

[Description("Which address to remove.")]
public sealed record DeleteAddressInput
{
    [Description("The id of one of your addresses.")]
    public required Guid AddressId { get; init; }
}

[Description("Which address to make the default.")]
public sealed record SetDefaultAddressInput
{
    [Description("The id of one of your addresses.")]
    public required Guid AddressId { get; init; }
}

public sealed class AddAddressInputType : AutoRegisteringInputObjectGraphType<AddAddressInput>;

public sealed class UpdateAddressInputType : AutoRegisteringInputObjectGraphType<UpdateAddressInput>;

public sealed class DeleteAddressInputType : AutoRegisteringInputObjectGraphType<DeleteAddressInput>;

public sealed class SetDefaultAddressInputType : AutoRegisteringInputObjectGraphType<SetDefaultAddressInput>;

/// <summary>addAddress, updateAddress, deleteAddress and setDefaultAddress, on the signed-in user's address book.</summary>
public sealed class AddressMutations(AddressBook addresses, ICurrentUser currentUser)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AddAddressPayloadType>, AddressPayload>("addAddress")
            .Description("Adds a shipping address to the signed-in user's address book, which holds at most 20. The first address becomes the " +
                "default. userErrors: REQUIRED, TOO_LONG, INVALID_PHONE, INVALID_COUNTRY, ADDRESS_LIMIT_REACHED.")
            .Authorize()
            .Argument<NonNullGraphType<AddAddressInputType>>("input", "The address.")
            .ResolveAsync(async context => await context.Service<AddressMutations>().AddAsync(context.GetArgument<AddAddressInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateAddressPayloadType>, AddressPayload>("updateAddress")
            .Description("Changes one of the signed-in user's addresses. Fields left out stay as they are. Orders already placed keep the " +
                "address as it was. userErrors: ADDRESS_NOT_FOUND, REQUIRED, TOO_LONG, INVALID_PHONE, INVALID_COUNTRY.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateAddressInputType>>("input", "The address and the changes.")
            .ResolveAsync(async context => await context.Service<AddressMutations>().UpdateAsync(context.GetArgument<UpdateAddressInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteAddressPayloadType>, UserPayload>("deleteAddress")
            .Description("Removes one of the signed-in user's addresses. Removing the default makes the most recently changed other address the " +
                "default. Orders already placed keep their copy. userErrors: ADDRESS_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteAddressInputType>>("input", "The address to remove.")
            .ResolveAsync(async context => await context.Service<AddressMutations>().DeleteAsync(context.GetArgument<DeleteAddressInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetDefaultAddressPayloadType>, AddressPayload>("setDefaultAddress")
            .Description("Makes one of the signed-in user's addresses the default one. userErrors: ADDRESS_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<SetDefaultAddressInputType>>("input", "The address to make the default.")
            .ResolveAsync(async context => await context.Service<AddressMutations>().SetDefaultAsync(context.GetArgument<SetDefaultAddressInput>("input"), context.CancellationToken));
    }

    public async Task<AddressPayload> AddAsync(AddAddressInput input, CancellationToken cancellationToken)
    {
        var details = new AddressDetails(input.RecipientName, input.Phone, input.Line1, input.Line2, input.Ward,
            input.District, input.City, input.Country, input.PostalCode, input.Location);
        var check = Validate(details);
        if (check.HasErrors)
            return Fail<AddressPayload>(check);
        return Answer(await addresses.AddAsync(currentUser.Holder(), details, input.MakeDefault == true, cancellationToken));
    }

    public async Task<AddressPayload> UpdateAsync(UpdateAddressInput input, CancellationToken cancellationToken)
    {
        var changes = new AddressChanges(input.RecipientName, input.Phone, input.Line1, input.Line2, input.Ward, input.District, input.City,
            input.Country, input.PostalCode, input.Location);
        // Judged as the address it makes, so only once that address is found among the user's.
        InputCheck? check = null;
        var updated = await addresses.UpdateAsync(currentUser.Holder(), input.AddressId, changes, details => !(check = Validate(details)).HasErrors,
            cancellationToken);
        return check is { HasErrors: true } ? Fail<AddressPayload>(check) : Answer(updated);
    }

    public async Task<UserPayload> DeleteAsync(DeleteAddressInput input, CancellationToken cancellationToken)
    {
        var removed = await addresses.DeleteAsync(currentUser.Holder(), input.AddressId, cancellationToken);
        return removed.Succeeded ? new UserPayload { User = removed.Value } : Refused<UserPayload>(removed.Error);
    }

    public async Task<AddressPayload> SetDefaultAsync(SetDefaultAddressInput input, CancellationToken cancellationToken) =>
        Answer(await addresses.SetDefaultAsync(currentUser.Holder(), input.AddressId, cancellationToken));

    private static AddressPayload Answer(Result<(User User, Address Address)> result) => result.Succeeded
        ? new AddressPayload { Address = new UserAddress(result.Value.Address, result.Value.User.DefaultAddressId == result.Value.Address.Id), User = result.Value.User }
        : Refused<AddressPayload>(result.Error);

    private static InputCheck Validate(AddressDetails details)
    {
        var check = new InputCheck()
            .Text(details.RecipientName, "recipientName", maxLength: 100)
            .Phone(details.Phone, "phone", required: true)
            .Text(details.Line1, "line1", maxLength: 200)
            .Text(details.Line2, "line2", maxLength: 200, required: false)
            .Text(details.Ward, "ward", maxLength: 100, required: false)
            .Text(details.District, "district", maxLength: 100)
            .Text(details.City, "city", maxLength: 100)
            .Text(details.PostalCode, "postalCode", maxLength: 20, required: false);
        var country = details.Country?.Trim() ?? "";
        if (country.Length != 2 || !country.All(char.IsAsciiLetter))
            check.Add("INVALID_COUNTRY", "Country is a two-letter ISO 3166-1 code, e.g. VN.", "country");
        return check;
    }
}
