using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GoShop.BuildingBlocks.Auth;

internal static class AuthenticationSetup
{
    public static void AddGoShopAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<SubscriberPrincipal>();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<AccessTokenDenyList>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((jwt, authOptions, services) =>
            {
                var auth = authOptions.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
                    NameClaimType = GoShopClaims.Name,
                    RoleClaimType = GoShopClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
                };
                if (services.GetService<IAccessTokenKeys>() is { } localKeys)
                {
                    jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, keyId, _) => localKeys.ValidationKeys(keyId);
                }
                else
                {
                    jwt.MetadataAddress = auth.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
                    jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                }
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = RefuseDeniedTokensAsync,
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[HttpCurrentUser.FailureItemKey] = Describe(context.Exception);
                        return Task.CompletedTask;
                    },
                };
            });
    }

    private static async Task RefuseDeniedTokensAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var tokenId = principal.FindFirstValue(GoShopClaims.TokenId);
        Guid? sessionId = Guid.TryParse(principal.FindFirstValue(GoShopClaims.SessionId), out var sid) ? sid : null;
        var denyList = context.HttpContext.RequestServices.GetRequiredService<AccessTokenDenyList>();
        bool denied;
        try
        {
            denied = await denyList.IsDeniedAsync(tokenId, sessionId);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Without the deny list a revoked token could pass: refuse rather than trust it.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(AuthenticationSetup)).LogError(ex, "The access-token deny list is unreachable");
            context.HttpContext.Items[HttpCurrentUser.FailureItemKey] = "Sign-in cannot be checked right now; try again shortly.";
            context.Fail(ex);
            return;
        }
        if (denied)
        {
            context.HttpContext.Items[HttpCurrentUser.FailureItemKey] = "The access token was revoked; sign in again.";
            context.Fail("The access token was revoked.");
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "The access token has expired; refresh it and try again.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The access token's signature is not valid.",
        SecurityTokenInvalidIssuerException or SecurityTokenInvalidAudienceException =>
            "The access token was not issued for this API.",
        InvalidOperationException or HttpRequestException => "The signing keys of the identity service could not be read.",
        _ => "The access token is not valid.",
    };
}
