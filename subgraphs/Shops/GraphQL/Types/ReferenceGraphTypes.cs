using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Shops.Domain;
using GoShop.Shops.GraphQL.Loaders;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Shops.GraphQL.Types;

/// <summary>A user, known here only by id; identity owns the rest.</summary>
public sealed class UserReference
{
    public Guid Id { get; set; }
}

/// <summary>
/// identity's User, extended with the shops the user owns. The gateway resolves User.shops here with the user's id
/// alone (<c>_entities</c>), so the reference is the representation itself.
/// </summary>
public sealed class UserGraphType : ObjectGraphType<UserReference>
{
    public UserGraphType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<UserReference>((_, reference) => reference);
        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopGraphType>>>, IDataLoaderResult<IEnumerable<Shop>>>("shops")
            .Description("The shops this user owns, newest first. Others see only ACTIVE ones; the user and admins see all, closed ones too. " +
                "A person runs a handful of shops at most, so this is a list.")
            .Resolve(context =>
            {
                var owner = context.Source.Id;
                var everything = context.Service<ICurrentUser>().Manages(owner);
                return context.Loader<ShopsByOwnerLoader>().Load(owner)
                    .Then(shops => (shops ?? []).Where(s => everything || s.Status == ShopStatus.Active));
            });
    }
}

/// <summary>An uploaded file, known here only by id; the media subgraph owns it.</summary>
public sealed class MediaReference
{
    public Guid Id { get; set; }
}

/// <summary>The media subgraph's Media entity: a key-only stub, not resolvable here.</summary>
public sealed class MediaGraphType : ObjectGraphType<MediaReference>
{
    public MediaGraphType()
    {
        Name = "Media";
        this.Key("id", resolvable: false);
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
