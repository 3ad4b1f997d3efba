using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Media.GraphQL.Types;

/// <summary>A user, owned by the identity subgraph; media only knows the id.</summary>
public sealed class UserReference
{
    public Guid Id { get; set; }
}

/// <summary>The key-only stub of identity's User: the gateway fetches every other field from identity.</summary>
public sealed class UserType : ObjectGraphType<UserReference>
{
    public UserType()
    {
        Name = "User";
        this.Key("id", resolvable: false);
        Field(u => u.Id, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
