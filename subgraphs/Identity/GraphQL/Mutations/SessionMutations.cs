using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GraphQL;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Contracts.Identity;
using GoShop.Identity.Account;
using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Identity.GraphQL.Types;
using GoShop.Identity.Security;
using GoShop.Identity.Sessions;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Identity.GraphQL.Mutations.MutationResults;

namespace GoShop.Identity.GraphQL.Mutations;

public sealed record RegisterInput
{
    [Description("Your email; it is also your sign-in name.")]
    public required string Email { get; init; }

    [Description("At least 10 characters, mixing letters with a digit or symbol.")]
    public required string Password { get; init; }

    public required string FullName { get; init; }

    public string? Phone { get; init; }
}

public sealed record LoginInput
{
    public required string Email { get; init; }

    public required string Password { get; init; }
}

public sealed record RefreshTokenInput
{
    public required string RefreshToken { get; init; }
}

public sealed record LogoutInput
{
    [Description("The session's refresh token. Without it, the session of the access token sent with the request is closed.")]
    public string? RefreshToken { get; init; }
}

public sealed class RegisterInputType : AutoRegisteringInputObjectGraphType<RegisterInput>;

public sealed class LoginInputType : AutoRegisteringInputObjectGraphType<LoginInput>;

public sealed class RefreshTokenInputType : AutoRegisteringInputObjectGraphType<RefreshTokenInput>;

public sealed class LogoutInputType : AutoRegisteringInputObjectGraphType<LogoutInput>;

/// <summary>register, login, refreshToken and logout: opening and closing sessions.</summary>
public sealed class SessionMutations(
    IdentityDbContext db,
    PasswordHasher hasher,
    SessionService sessions,
    LoginThrottle throttle,
    AccountEvents accountEvents,
    AccessTokenDenyList denyList,
    ICurrentUser currentUser,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterPayloadType>, SessionPayload>("register")
            .Description("Creates an account (as a buyer) and signs it in.")
            .Argument<NonNullGraphType<RegisterInputType>>("input")
            .ResolveAsync(async context => UserType.RevealSignedInUser(context, await context.Service<SessionMutations>().RegisterAsync(context.GetArgument<RegisterInput>("input"), context.CancellationToken)));
        mutation.Field<NonNullGraphType<LoginPayloadType>, SessionPayload>("login")
            .Description("Signs in with email and password. Repeated failures lock the email, and the client address, for a while.")
            .Argument<NonNullGraphType<LoginInputType>>("input")
            .ResolveAsync(async context => UserType.RevealSignedInUser(context, await context.Service<SessionMutations>().LoginAsync(context.GetArgument<LoginInput>("input"), context.CancellationToken)));
        mutation.Field<NonNullGraphType<RefreshTokenPayloadType>, SessionPayload>("refreshToken")
            .Description("Trades a refresh token for a new access token and a new refresh token. A refresh token works once; reusing one closes its session.")
            .Argument<NonNullGraphType<RefreshTokenInputType>>("input")
            .ResolveAsync(async context => UserType.RevealSignedInUser(context, await context.Service<SessionMutations>().RefreshAsync(context.GetArgument<RefreshTokenInput>("input"), context.CancellationToken)));
        mutation.Field<NonNullGraphType<LogoutPayloadType>, AcknowledgementPayload>("logout")
            .Description("Closes a session: its refresh token stops working and its access tokens are refused from now on.")
            .Argument<NonNullGraphType<LogoutInputType>>("input")
            .ResolveAsync(async context => await context.Service<SessionMutations>().LogoutAsync(context.GetArgument<LogoutInput>("input"), context.CancellationToken));
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

        var email = EmailAddress.Normalize(input.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email, cancellationToken))
            return Fail<SessionPayload>(IdentityErrors.EmailTaken);

        var now = clock.GetUtcNow();
        var user = User.Register(input.Email, hasher.Hash(input.Password), input.FullName, input.Phone, now);
        db.Users.Add(user);
        db.Publish(new UserRegistered(user.Id, user.Email, user.FullName, now));
        var session = sessions.Start(user, ClientInfo.From(http.HttpContext));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone registered the same email between our check and our insert.
            return Fail<SessionPayload>(IdentityErrors.EmailTaken);
        }
        return Signed(user, session);
    }

    public async Task<SessionPayload> LoginAsync(LoginInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Email(input.Email);
        if (string.IsNullOrEmpty(input.Password))
            check.Add("REQUIRED", "Password is required.", "password");
        if (check.HasErrors)
            return Fail<SessionPayload>(check);

        var email = EmailAddress.Normalize(input.Email);
        var client = ClientInfo.From(http.HttpContext);
        if (await throttle.CheckAsync(email, client.IpAddress) is { } wait)
            return Fail<SessionPayload>("TOO_MANY_ATTEMPTS", $"Too many sign-in attempts. Try again in {Minutes(wait)}.");

        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.Status == UserStatus.Active, cancellationToken);
        if (user is null)
        {
            hasher.VerifyNothing(input.Password);
            await throttle.RecordFailureAsync(email);
            return Fail<SessionPayload>(IdentityErrors.InvalidCredentials);
        }
        if (!hasher.Verify(input.Password, user.PasswordHash))
        {
            await throttle.RecordFailureAsync(email);
            return Fail<SessionPayload>(IdentityErrors.InvalidCredentials);
        }
        await throttle.RecordSuccessAsync(email);
        if (hasher.NeedsRehash(user.PasswordHash))
            user.ChangePassword(hasher.Hash(input.Password), clock.GetUtcNow());
        var session = sessions.Start(user, client);
        await db.SaveChangesAsync(cancellationToken);
        await accountEvents.PublishAsync(user.Id, AccountEventKind.SignedIn, session.SessionId, client.UserAgent);
        return Signed(user, session);
    }

    public async Task<SessionPayload> RefreshAsync(RefreshTokenInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.RefreshToken))
            return Fail<SessionPayload>("REQUIRED", "Refresh token is required.", "refreshToken");
        var refreshed = await sessions.RefreshAsync(input.RefreshToken.Trim(), ClientInfo.From(http.HttpContext), cancellationToken);
        if (!refreshed.Succeeded)
            return Fail<SessionPayload>(refreshed.Error);
        return Signed(refreshed.Value.User, refreshed.Value.Session);
    }

    public async Task<AcknowledgementPayload> LogoutAsync(LogoutInput input, CancellationToken cancellationToken)
    {
        Guid sessionId;
        Guid userId;
        if (!string.IsNullOrWhiteSpace(input.RefreshToken))
        {
            var token = await sessions.FindAsync(input.RefreshToken.Trim(), cancellationToken);
            if (token is null || (currentUser.IsAuthenticated && token.UserId != currentUser.Id))
                return Fail<AcknowledgementPayload>(SessionService.InvalidRefreshToken);
            (sessionId, userId) = (token.SessionId, token.UserId);
        }
        else if (currentUser is { IsAuthenticated: true, SessionId: { } currentSession })
        {
            (sessionId, userId) = (currentSession, currentUser.Id!.Value);
        }
        else
        {
            throw GraphQLErrors.Unauthenticated(currentUser.AuthenticationFailure
                ?? "Send the refresh token of the session to close, or sign in.");
        }

        await sessions.RevokeSessionAsync(sessionId, "logout", cancellationToken);
        await denyList.DenyPresentedTokenAsync(currentUser, clock.GetUtcNow());
        await accountEvents.PublishAsync(userId, AccountEventKind.SignedOut, sessionId);
        return new AcknowledgementPayload();
    }

    private static SessionPayload Signed(User user, IssuedSession session) => new()
    {
        AccessToken = session.AccessToken.Token,
        RefreshToken = session.RefreshToken,
        ExpiresAt = session.AccessToken.ExpiresAt,
        User = user,
    };
}
