using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GoShop.Gateway.Tests.Federation.InterfaceObjects;

public abstract record AccountRecord(string Id);

public sealed record AdminRecord(string Id, int Level) : AccountRecord(Id);

public sealed record RegularRecord(string Id, int Since) : AccountRecord(Id);

/// <summary>The accounts both subgraphs know: accounts has their types, profiles only their names.</summary>
public static class AccountData
{
    public static IReadOnlyList<AccountRecord> Accounts { get; } = [new AdminRecord("a1", 3), new RegularRecord("a2", 2019), new AdminRecord("a3", 1)];

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["a1"] = "Ada",
        ["a2"] = "Bo",
        ["a3"] = "Cy",
    };
}

/// <summary>
/// accounts: the real interface <c>Account</c> (an entity interface, <c>@key(fields: "id")</c>) with its two
/// implementations. Its <c>_entities</c> answers a representation named <c>Account</c> with the account's own
/// type, as a Federation 2.3 subgraph does; GraphQL.NET's own resolver only takes object types, so the field is
/// defined here.
/// </summary>
public static class AccountsSubgraph
{
    public static Task<TestSubgraph> StartAsync(RequestSequence sequence) =>
        TestSubgraph.StartAsync("accounts", sequence, (_, graphql) => graphql.AddSchema<AccountsSchema>().AddGraphTypes(typeof(AccountsSchema).Assembly), federation: false);
}

public sealed class AccountsSchema : Schema
{
    public AccountsSchema(IServiceProvider services) : base(services)
    {
        Query = new AccountsQuery();
    }
}

public sealed class AccountsQuery : ObjectGraphType
{
    public AccountsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccountInterface>>>>("accounts").Resolve(_ => AccountData.Accounts);
        Field<NonNullGraphType<ListGraphType<AccountEntityUnion>>>("_entities")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<AnyScalarGraphType>>>>("representations")
            .Resolve(context => ((IEnumerable<object?>)context.GetArgument<object>("representations")).Select(Entity).ToList());
    }

    private static AccountRecord? Entity(object? representation)
    {
        var fields = (IDictionary<string, object?>)representation!;
        var id = fields["id"]?.ToString();
        var account = AccountData.Accounts.FirstOrDefault(a => a.Id == id);
        return fields["__typename"] switch
        {
            "Account" => account,
            "Admin" => account as AdminRecord,
            "Regular" => account as RegularRecord,
            _ => null,
        };
    }
}

/// <summary>Federation's <c>_Any</c>: a representation passes as the JSON object it is.</summary>
public sealed class AnyScalarGraphType : ScalarGraphType
{
    public AnyScalarGraphType()
    {
        Name = "_Any";
    }

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) =>
        throw new InvalidOperationException("Representations come as variables.");

    public override object? Serialize(object? value) => value;
}

public sealed class AccountInterface : InterfaceGraphType
{
    public AccountInterface()
    {
        Name = "Account";
        // GraphQL.NET asks an abstract type to name the object type of a value: the one whose IsTypeOf takes it.
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

public sealed class AccountEntityUnion : UnionGraphType
{
    public AccountEntityUnion()
    {
        Name = "_Entity";
        ResolveType = value => PossibleTypes.FirstOrDefault(t => t.IsTypeOf?.Invoke(value) == true);
        Type<AdminType>();
        Type<RegularType>();
    }
}

public sealed class AdminType : ObjectGraphType<AdminRecord>
{
    public AdminType()
    {
        Name = "Admin";
        Interface<AccountInterface>();
        IsTypeOf = o => o is AdminRecord;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("level").Resolve(c => c.Source.Level);
    }
}

public sealed class RegularType : ObjectGraphType<RegularRecord>
{
    public RegularType()
    {
        Name = "Regular";
        Interface<AccountInterface>();
        IsTypeOf = o => o is RegularRecord;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("since").Resolve(c => c.Source.Since);
    }
}
