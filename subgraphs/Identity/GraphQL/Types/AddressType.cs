using GoShop.Identity.Domain;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

/// <summary>An address as its owner sees it: with whether it is the default one.</summary>
public sealed record UserAddress(Address Address, bool IsDefault)
{
    public static IEnumerable<UserAddress> Ordered(User user, IEnumerable<Address> addresses) => addresses
        .Select(a => new UserAddress(a, a.Id == user.DefaultAddressId))
        .OrderByDescending(a => a.IsDefault)
        .ThenByDescending(a => a.Address.UpdatedAt)
        .ThenByDescending(a => a.Address.Id);
}

public sealed class AddressType : ObjectGraphType<UserAddress>
{
    public AddressType()
    {
        Name = "Address";
        Description = "A shipping address in a user's address book (at most 20 per user). Only its owner and admins see it; an order keeps " +
            "a copy of the address as it was when placed.";
        Field("id", a => a.Address.Id, type: typeof(NonNullGraphType<IdGraphType>))
            .Description("The address's id: the addressId of orderPreview, placeOrder and the address mutations.");
        Field("recipientName", a => a.Address.RecipientName).Description("Who receives parcels here, 1 to 100 characters.");
        Field("phone", a => a.Address.Phone)
            .Description("The recipient's phone number as written (trimmed): 8 to 15 digits, with an optional leading + and spaces, dots, dashes " +
                "or parentheses.");
        Field("line1", a => a.Address.Line1).Description("House number and street, 1 to 200 characters.");
        Field("line2", a => a.Address.Line2, nullable: true).Description("The address's second line, up to 200 characters; null when none.");
        Field("ward", a => a.Address.Ward, nullable: true).Description("The ward, up to 100 characters; null when none.");
        Field("district", a => a.Address.District).Description("The district, 1 to 100 characters.");
        Field("city", a => a.Address.City).Description("The city or province, 1 to 100 characters.");
        Field("country", a => a.Address.Country).Description("ISO 3166-1 alpha-2 code, upper case, e.g. VN.");
        Field("postalCode", a => a.Address.PostalCode, nullable: true).Description("The postal code, up to 20 characters; null when none.");
        Field("location", a => a.Address.Location, nullable: true)
            .Description("Where the address is on the map, as the user gave it; null when they gave none (shipping fees then locate the address by " +
                "its ward, district and city).");
        Field(a => a.IsDefault).Description("Whether orders ship here unless another address is chosen.");
        Field("createdAt", a => a.Address.CreatedAt).Description("When the address was added.");
        Field("updatedAt", a => a.Address.UpdatedAt).Description("When its details last changed (becoming the default does not count).");
    }
}
