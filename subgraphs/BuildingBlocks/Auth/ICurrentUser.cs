namespace GoShop.BuildingBlocks.Auth;

/// <summary>Who is making the current request, from the validated access token.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? Id { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>The login session (refresh-token family) the access token belongs to.</summary>
    Guid? SessionId { get; }

    string? TokenId { get; }

    DateTimeOffset? TokenExpiresAt { get; }

    /// <summary>Why a token that was presented was refused (expired, revoked, bad signature), if one was.</summary>
    string? AuthenticationFailure { get; }

    bool IsInRole(string role);

    /// <summary>The user's id, or an UNAUTHENTICATED GraphQL error when nobody is signed in.</summary>
    Guid RequireId();
}
