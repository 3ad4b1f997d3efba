using GoShop.BuildingBlocks.RateLimiting;
using Microsoft.Extensions.Options;

namespace GoShop.Identity.Sessions;

/// <summary>
/// Slows password guessing: a few failed logins lock an email for the window, and one client address may only try
/// so often, whichever email it tries.
/// </summary>
public sealed class LoginThrottle(RedisRateLimiter limiter, IOptions<IdentityOptions> options)
{
    private IdentityOptions Settings => options.Value;

    private TimeSpan Window => TimeSpan.FromMinutes(Settings.LoginWindowMinutes);

    /// <summary>Counts this attempt; answers how long to wait when the email or the address is locked.</summary>
    public async Task<TimeSpan?> CheckAsync(string normalizedEmail, string? ipAddress)
    {
        if (ipAddress is not null)
        {
            var byIp = await limiter.HitAsync("login:ip:" + ipAddress, Settings.LoginAttemptsPerIp, Window);
            if (!byIp.Allowed)
                return byIp.RetryAfter;
        }
        var byEmail = await limiter.PeekAsync(EmailKey(normalizedEmail), Settings.LoginFailuresPerEmail);
        return byEmail.Allowed ? null : byEmail.RetryAfter;
    }

    public Task RecordFailureAsync(string normalizedEmail) =>
        limiter.HitAsync(EmailKey(normalizedEmail), Settings.LoginFailuresPerEmail, Window);

    public Task RecordSuccessAsync(string normalizedEmail) => limiter.ResetAsync(EmailKey(normalizedEmail));

    private static string EmailKey(string normalizedEmail) => "login:email:" + normalizedEmail;
}
