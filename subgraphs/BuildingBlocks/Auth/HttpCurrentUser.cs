using System.Security.Claims;
using GoShop.BuildingBlocks.GraphQL.Errors;
using Microsoft.AspNetCore.Http;

namespace GoShop.BuildingBlocks.Auth;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, SubscriberPrincipal subscriber) : ICurrentUser
{
    internal const string FailureItemKey = "GoShop.AuthenticationFailure";

    private ClaimsPrincipal? Principal => subscriber.User ?? accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true && Id is not null;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(GoShopClaims.Subject), out var id) ? id : null;

    public IReadOnlyCollection<string> Roles =>
        Principal?.FindAll(GoShopClaims.Role).Select(c => c.Value).ToArray() ?? [];

    public Guid? SessionId => Guid.TryParse(Principal?.FindFirstValue(GoShopClaims.SessionId), out var id) ? id : null;

    public string? TokenId => Principal?.FindFirstValue(GoShopClaims.TokenId);

    public DateTimeOffset? TokenExpiresAt =>
        long.TryParse(Principal?.FindFirstValue("exp"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public string? AuthenticationFailure => subscriber.User is null ? accessor.HttpContext?.Items[FailureItemKey] as string : null;

    public bool IsInRole(string role) => Principal?.HasClaim(GoShopClaims.Role, role) == true;

    public Guid RequireId() =>
        IsAuthenticated ? Id!.Value : throw GraphQLErrors.Unauthenticated(AuthenticationFailure);
}
