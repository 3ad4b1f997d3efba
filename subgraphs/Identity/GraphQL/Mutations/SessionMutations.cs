using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Sessions;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

[Description("The new account's details.")]
public sealed record RegisterInput
{
    [Description("Your email; it is also your sign-in name. At most 254 characters; one account per address, whatever its case.")]
    public required string Email { get; init; }

    [Description("10 to 128 characters mixing letters with at least one digit or symbol; not one or two characters repeated, not a commonly used password, and not containing your email's name or your name.")]
    public required string Password { get; init; }

    [Description("Your name as shops and shippers see it, 1 to 100 characters.")]
    public required string FullName { get; init; }

    [Description("A contact phone number, optional: 8 to 15 digits, with an optional leading + and spaces, dots, dashes or parentheses.")]
    public string? Phone { get; init; }
}

[Description("The account's email and password.")]
public sealed record LoginInput
{
    [Description("The account's email, whatever its case.")]
    public required string Email { get; init; }

    [Description("The account's password.")]
    public required string Password { get; init; }
}

[Description("The refresh token to trade.")]
public sealed record RefreshTokenInput
{
    [Description("The refreshToken of the latest register, login or refreshToken answer of the session.")]
    public required string RefreshToken { get; init; }
}

[Description("Which session to close.")]
public sealed record LogoutInput
{
    [Description("The session's refresh token. Without it, the session of the access token sent with the request is closed.")]
    public string? RefreshToken { get; init; }
}

[Description("Which of your sessions to sign out.")]
public sealed record RevokeSessionInput
{
    [Description("The id of one of your sessions, as mySessions lists it.")]
    public required Guid SessionId { get; init; }
}

public sealed class RegisterInputType : AutoRegisteringInputObjectGraphType<RegisterInput>;

public sealed class LoginInputType : AutoRegisteringInputObjectGraphType<LoginInput>;

public sealed class RefreshTokenInputType : AutoRegisteringInputObjectGraphType<RefreshTokenInput>;

public sealed class LogoutInputType : AutoRegisteringInputObjectGraphType<LogoutInput>;

public sealed class RevokeSessionInputType : AutoRegisteringInputObjectGraphType<RevokeSessionInput>;

/// <summary>register, login, refreshToken, logout and revokeSession: opening and closing sessions.</summary>
public sealed class SessionMutations(SessionDesk desk, SessionService sessions, ICurrentUser currentUser, IHttpContextAccessor http)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterPayloadType>, SessionPayload>("register")
            .Description("Creates an account (as a BUYER) and signs it in: the payload carries the new session's tokens. No sign-in needed. " +
                "userErrors: REQUIRED, INVALID_EMAIL, TOO_LONG, INVALID_PHONE, WEAK_PASSWORD, EMAIL_TAKEN.")
            .Argument<NonNullGraphType<RegisterInputType>>("input", "The new account's email, password, name and phone.")
            .ResolveAsync(async context => UserType.RevealSignedInUser(context, await context.Service<SessionMutations>().RegisterAsync(context.GetArgument<RegisterInput>("input"), context.CancellationToken)));
        mutation.Field<NonNullGraphType<LoginPayloadType>, SessionPayload>("login")
            .Description("Signs in with email and password, opening a new session. Repeated failures lock the email, and the client address, for " +
                "a while (by default 5 wrong passwords per email, or 30 attempts per client address, within 15 minutes: TOO_MANY_ATTEMPTS). " +
                "A suspended account answers the userError ACCOUNT_SUSPENDED, and only once the password is right. " +
                "userErrors: REQUIRED, INVALID_EMAIL, TOO_MANY_ATTEMPTS, INVALID_CREDENTIALS, ACCOUNT_SUSPENDED.")
            .Argument<NonNullGraphType<LoginInputType>>("input", "The email and password.")
            .ResolveAsync(async context => UserType.RevealSignedInUser(context, await context.Service<SessionMutations>().LoginAsync(context.GetArgument<LoginInput>("input"), context.CancellationToken)));
        mutation.Field<NonNullGraphType<RefreshTokenPayloadType>, SessionPayload>("refreshToken")
            .Description("Trades a refresh token for a new access token and a new refresh token. A refresh token works once; reusing one closes its session. " +
                "A suspended account's refresh tokens are refused. No access token needed. " +
                "userErrors: REQUIRED, INVALID_REFRESH_TOKEN, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REUSED, ACCOUNT_SUSPENDED.")
            .Argument<NonNullGraphType<RefreshTokenInputType>>("input", "The refresh token.")
            .ResolveAsync(async context => UserType.RevealSignedInUser(context, await context.Service<SessionMutations>().RefreshAsync(context.GetArgument<RefreshTokenInput>("input"), context.CancellationToken)));
        mutation.Field<NonNullGraphType<LogoutPayloadType>, AcknowledgementPayload>("logout")
            .Description("Closes a session: its refresh token stops working and its access tokens are refused from now on. Works with the " +
                "session's refresh token alone; without one, it closes the session of the access token sent (UNAUTHENTICATED when there is " +
                "none). The access token sent with the request, if any, is refused from now on too. A refresh token that is not yours (when " +
                "signed in) or not GoShop's is INVALID_REFRESH_TOKEN. userErrors: INVALID_REFRESH_TOKEN.")
            .Argument<NonNullGraphType<LogoutInputType>>("input", "The session's refresh token, or nothing for the current session.")
            .ResolveAsync(async context => await context.Service<SessionMutations>().LogoutAsync(context.GetArgument<LogoutInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RevokeSessionPayloadType>, AcknowledgementPayload>("revokeSession")
            .Description("Signs one of your sessions out, as logout would on that device (your current one too): its refresh token stops " +
                "working, its access tokens are refused, and the app on it hears SESSION_REVOKED on myAccountEvents. Signed-in users only. " +
                "An id that is not one of your signed-in sessions (unknown, someone else's, or already closed) is SESSION_NOT_FOUND. " +
                "userErrors: SESSION_NOT_FOUND.")
            .Authorize()
            .Argument<NonNullGraphType<RevokeSessionInputType>>("input", "The session to sign out.")
            .ResolveAsync(async context => await context.Service<SessionMutations>().RevokeSessionAsync(context.GetArgument<RevokeSessionInput>("input"), context.CancellationToken));
    }

    public async Task<SessionPayload> RegisterAsync(RegisterInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck()
            .Email(input.Email)
            .Text(input.FullName, "fullName", maxLength: 100)
            .Phone(input.Phone, "phone", required: false)
            .Password(input.Password, "password", input.Email, input.FullName);
        if (check.HasErrors)
            return Fail<SessionPayload>(check);
        return Signed(await desk.RegisterAsync(new NewAccount(input.Email, input.Password, input.FullName, input.Phone), ClientInfo.From(http.HttpContext),
            cancellationToken));
    }

    public async Task<SessionPayload> LoginAsync(LoginInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Email(input.Email);
        if (string.IsNullOrEmpty(input.Password))
            check.Add("REQUIRED", "Password is required.", "password");
        if (check.HasErrors)
            return Fail<SessionPayload>(check);
        return Signed(await desk.LoginAsync(input.Email, input.Password, ClientInfo.From(http.HttpContext), cancellationToken));
    }

    public async Task<SessionPayload> RefreshAsync(RefreshTokenInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.RefreshToken))
            return Fail<SessionPayload>("REQUIRED", "Refresh token is required.", "refreshToken");
        return Signed(await sessions.RefreshAsync(input.RefreshToken.Trim(), ClientInfo.From(http.HttpContext), cancellationToken));
    }

    public async Task<AcknowledgementPayload> LogoutAsync(LogoutInput input, CancellationToken cancellationToken)
    {
        var refreshToken = string.IsNullOrWhiteSpace(input.RefreshToken) ? null : input.RefreshToken.Trim();
        if (refreshToken is null && currentUser is not { IsAuthenticated: true, SessionId: not null })
        {
            throw GraphQLErrors.Unauthenticated(currentUser.AuthenticationFailure
                ?? "Send the refresh token of the session to close, or sign in.");
        }
        var closed = await desk.LogoutAsync(refreshToken, currentUser.IsAuthenticated ? currentUser.Holder() : null, cancellationToken);
        return closed.Succeeded ? new AcknowledgementPayload() : Fail<AcknowledgementPayload>(closed.Error);
    }

    public async Task<AcknowledgementPayload> RevokeSessionAsync(RevokeSessionInput input, CancellationToken cancellationToken)
    {
        var revoked = await desk.RevokeAsync(currentUser.Holder(), input.SessionId, cancellationToken);
        return revoked.Succeeded ? new AcknowledgementPayload() : Fail<AcknowledgementPayload>(revoked.Error);
    }

    private static SessionPayload Signed(Result<(User User, IssuedSession Session)> signedIn) => signedIn.Succeeded
        ? new SessionPayload
        {
            AccessToken = signedIn.Value.Session.AccessToken.Token,
            RefreshToken = signedIn.Value.Session.RefreshToken,
            ExpiresAt = signedIn.Value.Session.AccessToken.ExpiresAt,
            User = signedIn.Value.User,
        }
        : Fail<SessionPayload>(signedIn.Error);
}
