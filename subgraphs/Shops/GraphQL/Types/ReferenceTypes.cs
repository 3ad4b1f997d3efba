using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL.Types;

/// <summary>
/// identity's User, extended with the shops the user owns. The gateway resolves User.shops here with the user's id
/// alone (<c>_entities</c>), so the reference is the representation itself.
/// </summary>
public sealed class UserType : ExtendedEntityType<UserType>
{
    public UserType() : base("User")
    {
        Field<ListGraphType<NonNullGraphType<ShopType>>, IDataLoaderResult<IEnumerable<Shop>>>("shops")
            .Description("The shops this user owns, newest first. Others see only ACTIVE ones; the user and admins see all, closed ones too. " +
                "A person runs a handful of shops at most, so this is a list. Null when shops cannot be reached.")
            .Resolve(context =>
            {
                var owner = context.Source.Id;
                var everything = context.Service<ICurrentUser>().Manages(owner);
                return context.Loader<ShopsByOwnerLoader>().Load(owner)
                    .Then(shops => (shops ?? []).Where(s => everything || s.Status == ShopStatus.Active));
            });
    }
}

/// <summary>The media subgraph's Media entity: an uploaded file, known here only by id.</summary>
public sealed class MediaType() : KeyOnlyEntityType<MediaType>("Media");
