using GoShop.Identity.Account;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

public sealed class AccountEventType : ObjectGraphType<AccountEvent>
{
    public AccountEventType()
    {
        Name = "AccountEvent";
        Description = "Something that happened to your account, pushed to your open apps (e.g. to sign out a revoked session).";
        Field<NonNullGraphType<AccountEventKindType>, AccountEventKind>("kind")
            .Description("What happened.")
            .Resolve(context => context.Source.Kind);
        Field(e => e.OccurredAt).Description("When it happened (announced once the change was saved).");
        Field(e => e.SessionId, type: typeof(IdGraphType))
            .Description("The session concerned (as mySessions lists it): the one that signed in or out, was revoked, or made the change; " +
                "null when the event concerns no one session.");
        Field(e => e.Detail, nullable: true)
            .Description("More about it: the User-Agent of the device that signed in (SIGNED_IN), or \"account deleted\" or \"account suspended\" " +
                "when every session was signed out (SESSION_REVOKED); null otherwise.");
    }
}

public sealed class AccountEventKindType : EnumerationGraphType<AccountEventKind>
{
    public AccountEventKindType()
    {
        Name = "AccountEventKind";
        Description = "What happened to an account.";
    }
}
