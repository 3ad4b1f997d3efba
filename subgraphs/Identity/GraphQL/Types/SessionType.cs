using GoShop.Identity.Sessions;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

public sealed class SessionType : ObjectGraphType<SignedInSession>
{
    public SessionType()
    {
        Name = "Session";
        Description = "A device or app you are signed in on (one sign-in, kept alive by refreshing its tokens).";
        Field("id", s => s.SessionId, type: typeof(NonNullGraphType<IdGraphType>))
            .Description("Pass it to revokeSession to sign this device out. Also the sid claim of the session's access tokens.");
        Field(s => s.StartedAt).Description("When you signed in (or registered) on it.");
        Field(s => s.LastRefreshedAt, nullable: true).Description("When its tokens were last renewed with refreshToken; null if never since the sign-in.");
        Field(s => s.UserAgent, nullable: true)
            .Description("The User-Agent header the device sent when it last signed in or refreshed, cut to 300 characters; null if it sent none.");
        Field(s => s.IpAddress, nullable: true).Description("The client address recorded when it last signed in or refreshed, as the server saw it.");
        Field(s => s.Current).Description("True for the session of the access token sent with this request.");
    }
}
