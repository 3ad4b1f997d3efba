using System.Security.Claims;
using GraphQL;

namespace GoShop.BuildingBlocks.Auth;

/// <summary>
/// Who is asking, reduced to what visibility rules need: the signed-in user's id (null when anonymous) and whether they
/// are an admin. Each subgraph writes its own rules over it (e.g. ordering's <c>OrderVisibility</c>), never its own
/// reading of the token's claims.
/// </summary>
public sealed record Viewer(Guid? UserId, bool IsAdmin)
{
    public static Viewer Anonymous { get; } = new(null, false);

    /// <summary>
    /// The viewer of a field, from the operation's principal (<c>context.User</c>, captured when the request arrived)
    /// rather than the request's <see cref="ICurrentUser"/>, because the events of a subscription are resolved long after
    /// the request started, outside its HTTP context.
    /// </summary>
    public static Viewer Of(IResolveFieldContext context) => Of(context.User);

    public static Viewer Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(GoShopClaims.Subject), out var id))
            return Anonymous;
        return new Viewer(id, user.HasClaim(GoShopClaims.Role, Roles.Admin));
    }

    public static Viewer Of(ICurrentUser user) =>
        user.IsAuthenticated ? new Viewer(user.Id, user.IsInRole(Roles.Admin)) : Anonymous;
}
