using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        Description = "A person with a GoShop account. Contact details, addresses, the shipper profile and the account's status are visible only " +
            "to the person and to admins: anyone else reading them gets a FORBIDDEN error (UNAUTHENTICATED when not signed in) and null.";
        this.Key("id");
        this.ResolveReference<EntityKey, User>((context, reference) => context.Loader<UserByIdLoader>().Load(reference.Id));

        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("User"));
        Field(u => u.FullName)
            .Description("The name shown to shops, shippers and other buyers, 1 to 100 characters; \"Deleted user\" once the account is deleted.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>, IEnumerable<string>>("roles")
            .Description("What the user may do: BUYER for every account, and SELLER, SHIPPER or ADMIN as they are granted; empty once the " +
                "account is deleted. Roles granted since the access token was issued appear in it once it is refreshed.")
            .Resolve(context => context.Source.Roles);
        Field<UserStatusType, UserStatus>("status")
            .Description("Private: the person and admins only. Whether the account can sign in (ACTIVE), is suspended by an admin (SUSPENDED) or was deleted (DELETED).")
            .Resolve(context => Private(context).Status);
        Field<StringGraphType, string?>("suspensionReason")
            .Description("Private: the person and admins only. Why an admin suspended the account, as they wrote it (1 to 500 characters); null unless the status is SUSPENDED.")
            .Resolve(context => Private(context).SuspensionReason);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("suspendedAt")
            .Description("Private: the person and admins only. When the account was suspended; null unless the status is SUSPENDED.")
            .Resolve(context => Private(context).SuspendedAt);
        Field(u => u.CreatedAt).Description("When the account was created.");
        Field<StringGraphType, string>("email")
            .Description("Private: the person and admins only. The email the person signs in with, as they typed it (trimmed); a placeholder " +
                "address once the account is deleted.")
            .Resolve(context => Private(context).Email);
        Field<StringGraphType, string?>("phone")
            .Description("Private: the person and admins only. A contact phone number, 8 to 15 digits as written; null when they gave none.")
            .Resolve(context => Private(context).Phone);
        Field<ListGraphType<NonNullGraphType<AddressType>>, IDataLoaderResult<IEnumerable<UserAddress>>>("addresses")
            .Description("Private: the person and admins only. Their shipping addresses, at most 20: the default one first, then the most " +
                "recently changed.")
            .Resolve(context =>
            {
                var user = Private(context);
                return context.Loader<AddressesByUserLoader>().Load(user.Id)
                    .Then(addresses => UserAddress.Ordered(user, addresses ?? []));
            });
        Field<AddressType, IDataLoaderResult<UserAddress?>>("defaultAddress")
            .Description("Private: the person and admins only. Where orders ship unless another address is chosen; null when the user has " +
                "no address.")
            .Resolve(context =>
            {
                var user = Private(context);
                return context.Loader<AddressesByUserLoader>().Load(user.Id)
                    .Then(addresses => addresses?.FirstOrDefault(a => a.Id == user.DefaultAddressId) is { } address
                        ? new UserAddress(address, IsDefault: true)
                        : null);
            });
        Field<ShipperProfileType, ShipperProfile>("shipperProfile")
            .Description("Private: the person and admins only. Null unless the user registered as a shipper.")
            .Resolve(context => Private(context).ShipperProfile);
    }

    private const string SignedInUserKey = "identity.signedInUser";

    /// <summary>
    /// Lets the rest of this operation show a user's private fields to the caller even though the request carried no
    /// token: register and login answer the user who just signed in.
    /// </summary>
    public static SessionPayload RevealSignedInUser(IResolveFieldContext context, SessionPayload payload)
    {
        if (payload.User is { } user)
            context.UserContext[SignedInUserKey] = user.Id;
        return payload;
    }

    /// <summary>The user, when the caller is that user or an admin; a FORBIDDEN error on the field otherwise.</summary>
    private static User Private(IResolveFieldContext<User> context)
    {
        if (context.UserContext.TryGetValue(SignedInUserKey, out var signedIn) && signedIn is Guid id && id == context.Source.Id)
            return context.Source;
        var viewer = context.Service<ICurrentUser>();
        if (!viewer.IsAuthenticated)
            throw GraphQLErrors.Unauthenticated(viewer.AuthenticationFailure);
        if (viewer.Id != context.Source.Id && !viewer.IsInRole(Roles.Admin))
            throw GraphQLErrors.Forbidden("Only the account holder and admins can see this.");
        return context.Source;
    }
}

public sealed class RoleType : EnumerationGraphType
{
    public RoleType()
    {
        Name = "Role";
        Description = "What a user may do on the marketplace.";
        Add(Roles.Buyer, Roles.Buyer, "Buys from shops (every account).");
        Add(Roles.Seller, Roles.Seller, "Owns at least one shop.");
        Add(Roles.Shipper, Roles.Shipper, "Delivers parcels.");
        Add(Roles.Admin, Roles.Admin, "Operates the marketplace.");
    }
}

public sealed class UserStatusType : EnumerationGraphType<UserStatus>
{
    public UserStatusType()
    {
        Name = "UserStatus";
        Description = "Whether an account can be used.";
    }
}
