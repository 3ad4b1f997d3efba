using Microsoft.AspNetCore.Http;

namespace GoShop.Identity.Sessions;

/// <summary>Where a request comes from (the gateway forwards the client's address in X-Forwarded-For).</summary>
public sealed record ClientInfo(string? IpAddress, string? UserAgent)
{
    public static ClientInfo From(HttpContext? http) => new(
        http?.Connection.RemoteIpAddress?.ToString(),
        http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
