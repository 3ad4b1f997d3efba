using System.Security.Claims;

namespace GoShop.BuildingBlocks.Auth;

/// <summary>
/// Who a scope acts for when it has no HTTP request of its own: the subscriber, while an event of their subscription
/// is resolved. <see cref="ICurrentUser"/> reads it before the HTTP context.
/// </summary>
internal sealed class SubscriberPrincipal
{
    public ClaimsPrincipal? User { get; set; }
}
