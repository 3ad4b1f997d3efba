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

public sealed record AddAddressInput
{
    public required string RecipientName { get; init; }

    public required string Phone { get; init; }

    [Description("House number and street.")]
    public required string Line1 { get; init; }

    public string? Line2 { get; init; }

    public string? Ward { get; init; }

    public required string District { get; init; }

    public required string City { get; init; }

    [Description("ISO 3166-1 alpha-2 code, e.g. VN.")]
    public required string Country { get; init; }

    public string? PostalCode { get; init; }

    public GeoPoint? Location { get; init; }

    [Description("Make this the default address (the first address always is).")]
    public bool? MakeDefault { get; init; }
}

public sealed record UpdateAddressInput
{
    public required Guid AddressId { get; init; }

    public string? RecipientName { get; init; }

    public string? Phone { get; init; }

    public string? Line1 { get; init; }

    [Description("An empty string removes it.")]
    public string? Line2 { get; init; }

    [Description("An empty string removes it.")]
    public string? Ward { get; init; }

    public string? District { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    [Description("An empty string removes it.")]
    public string? PostalCode { get; init; }

    public GeoPoint? Location { get; init; }
}

public sealed record DeleteAddressInput
{
    public required Guid AddressId { get; init; }
}

public sealed record SetDefaultAddressInput
{
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
            .Description("Adds a shipping address. The first address becomes the default.")
            .Authorize()
            .Argument<NonNullGraphType<AddAddressInputType>>("input")
            .ResolveAsync(async context => await context.Service<AddressMutations>().AddAsync(context.GetArgument<AddAddressInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<UpdateAddressPayloadType>, AddressPayload>("updateAddress")
            .Description("Changes an address. Fields left out stay as they are.")
            .Authorize()
            .Argument<NonNullGraphType<UpdateAddressInputType>>("input")
            .ResolveAsync(async context => await context.Service<AddressMutations>().UpdateAsync(context.GetArgument<UpdateAddressInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<DeleteAddressPayloadType>, UserPayload>("deleteAddress")
            .Description("Removes an address. Removing the default makes the most recently changed other address the default.")
            .Authorize()
            .Argument<NonNullGraphType<DeleteAddressInputType>>("input")
            .ResolveAsync(async context => await context.Service<AddressMutations>().DeleteAsync(context.GetArgument<DeleteAddressInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<SetDefaultAddressPayloadType>, AddressPayload>("setDefaultAddress")
            .Description("Makes an address the default one.")
            .Authorize()
            .Argument<NonNullGraphType<SetDefaultAddressInputType>>("input")
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
