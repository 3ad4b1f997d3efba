using GraphQL;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Gateway.Tests.Federation.InterfaceObjects;

/// <summary>An account as profiles knows it: by its id only, never by its type.</summary>
public sealed class AccountReference
{
    public string? Id { get; set; }
}

/// <summary>
/// profiles: declares the interface <c>Account</c> as an object type (<c>@interfaceObject</c>) and adds a name to
/// every account, whatever its type. It cannot tell an account's type: asked its <c>__typename</c>, it says
/// <c>Account</c>, which no client may see.
/// </summary>
public static class ProfilesSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("profiles", sequence, (_, graphql) => graphql.AddSchema<ProfilesSchema>().AddGraphTypes(typeof(ProfilesSchema).Assembly));
}

public sealed class ProfilesSchema : Schema
{
    public ProfilesSchema(IServiceProvider services) : base(services)
    {
        Query = new ProfilesQuery();
    }
}

public sealed class ProfilesQuery : ObjectGraphType
{
    public ProfilesQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProfileAccountType>>>>("topAccounts")
            .Resolve(_ => new[] { "a3", "a1", "a2" }.Select(id => new AccountReference { Id = id }).ToList());
    }
}

public sealed class ProfileAccountType : ObjectGraphType<AccountReference>
{
    public ProfileAccountType()
    {
        Name = "Account";
        this.Key("id");
        this.ResolveReference<AccountReference, AccountReference>((_, reference) => AccountData.Names.ContainsKey(reference.Id ?? "") ? reference : null!);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => AccountData.Names[c.Source.Id!]);
    }
}
