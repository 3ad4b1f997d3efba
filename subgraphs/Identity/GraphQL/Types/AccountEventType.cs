using GoShop.Identity.Account;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

public sealed class AccountEventType : ObjectGraphType<AccountEvent>
{
    public AccountEventType()
    {
        Name = "AccountEvent";
        Description = "Something that happened to your account.";
        Field<NonNullGraphType<AccountEventKindType>, AccountEventKind>("kind").Resolve(context => context.Source.Kind);
        Field(e => e.OccurredAt);
        Field(e => e.SessionId, type: typeof(IdGraphType)).Description("The session concerned, when one is.");
        Field(e => e.Detail, nullable: true).Description("E.g. the device that signed in.");
    }
}

public sealed class AccountEventKindType : EnumerationGraphType<AccountEventKind>
{
    public AccountEventKindType() => Name = "AccountEventKind";
}
