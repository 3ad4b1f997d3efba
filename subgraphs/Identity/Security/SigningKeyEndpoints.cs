using GoShop.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoShop.Identity.Security;

/// <summary>
/// The OpenID discovery document and the JWKS, which every other subgraph reads to validate access tokens.
/// Internal plumbing, not part of the GraphQL API.
/// </summary>
public static class SigningKeyEndpoints
{
    public static IEndpointRouteBuilder MapSigningKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/openid-configuration", (HttpContext http, IOptions<AuthOptions> auth) =>
        {
            var self = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = auth.Value.Issuer,
                ["jwks_uri"] = self + "/.well-known/jwks.json",
                ["id_token_signing_alg_values_supported"] = new[] { "ES256" },
                ["subject_types_supported"] = new[] { "public" },
                ["response_types_supported"] = new[] { "token" },
            });
        });
        endpoints.MapGet("/.well-known/jwks.json", (HttpContext http, SigningKeyStore keys) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(keys.JsonWebKeySet(), "application/json");
        });
        return endpoints;
    }
}
