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
        Description = "A shipping address.";
        Field("id", a => a.Address.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field("recipientName", a => a.Address.RecipientName);
        Field("phone", a => a.Address.Phone);
        Field("line1", a => a.Address.Line1).Description("House number and street.");
        Field("line2", a => a.Address.Line2, nullable: true);
        Field("ward", a => a.Address.Ward, nullable: true);
        Field("district", a => a.Address.District);
        Field("city", a => a.Address.City);
        Field("country", a => a.Address.Country).Description("ISO 3166-1 alpha-2 code, e.g. VN.");
        Field("postalCode", a => a.Address.PostalCode, nullable: true);
        Field("location", a => a.Address.Location, nullable: true).Description("Where the address is, when known.");
        Field(a => a.IsDefault).Description("Whether orders ship here unless another address is chosen.");
        Field("createdAt", a => a.Address.CreatedAt);
        Field("updatedAt", a => a.Address.UpdatedAt);
    }
}
