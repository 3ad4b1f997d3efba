using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Identity.Domain;
using GraphQL.Types;

namespace GoShop.Identity.GraphQL.Types;

/// <summary>What register, login and refreshToken answer: the tokens of the session and who it belongs to.</summary>
public sealed record SessionPayload : Payload
{
    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public User? User { get; init; }
}

public abstract class SessionPayloadTypeBase : PayloadType<SessionPayload>
{
    protected SessionPayloadTypeBase(string name)
    {
        Name = name;
        Field(p => p.AccessToken, nullable: true)
            .Description("Send as 'Authorization: Bearer <token>'. Short-lived (15 minutes by default): renew it with refreshToken before " +
                "expiresAt. Null when there are userErrors.");
        Field(p => p.RefreshToken, nullable: true)
            .Description("Keep secret. Works once: every refresh answers a new one, valid 30 days (by default) from when it was issued. Null " +
                "when there are userErrors.");
        Field(p => p.ExpiresAt, nullable: true).Description("When the access token expires; null when there are userErrors.");
        Field<UserType, User>("user")
            .Description("Who is signed in; their private fields can be read in this same response, without sending the new token. Null when " +
                "there are userErrors.")
            .Resolve(context => context.Source.User);
    }
}

public sealed class RegisterPayloadType() : SessionPayloadTypeBase("RegisterPayload");

public sealed class LoginPayloadType() : SessionPayloadTypeBase("LoginPayload");

public sealed class RefreshTokenPayloadType() : SessionPayloadTypeBase("RefreshTokenPayload");
