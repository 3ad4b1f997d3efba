using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GoShop.Identity.Sessions;

/// <summary>What checking a reset code found.</summary>
public enum ResetCodeCheck
{
    Valid,
    Wrong,
    Exhausted,
    Missing,
}

/// <summary>
/// Six-digit password reset codes in Redis: one live code per email, kept only as a salted HMAC, valid for a few
/// minutes and for a few wrong tries; the code is burnt after the last one.
/// </summary>
public sealed class PasswordResetCodes(IConnectionMultiplexer redis, TimeProvider clock, IOptions<IdentityOptions> options)
{
    // Counts a wrong attempt only on a code that still exists (it may expire between the read and the count).
    private const string CountWrongAttempt = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HINCRBY', KEYS[1], 'attempts', 1) end
        return -1
        """;

    private IdentityOptions Settings => options.Value;

    public async Task<string> IssueAsync(string normalizedEmail)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var lifetime = TimeSpan.FromMinutes(Settings.ResetCodeMinutes);
        var expiresAt = clock.GetUtcNow() + lifetime;
        var key = Key(normalizedEmail);
        var db = redis.GetDatabase();
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        _ = transaction.HashSetAsync(key,
        [
            new HashEntry("salt", salt),
            new HashEntry("hash", Digest(code, salt)),
            new HashEntry("attempts", 0),
            new HashEntry("expires", expiresAt.ToUnixTimeMilliseconds()),
        ]);
        _ = transaction.KeyExpireAsync(key, lifetime);
        await transaction.ExecuteAsync();
        return code;
    }

    /// <summary>Checks a code; a valid one is consumed, so it works once.</summary>
    public async Task<(ResetCodeCheck Outcome, int AttemptsLeft)> ConsumeAsync(string normalizedEmail, string code)
    {
        var key = Key(normalizedEmail);
        var db = redis.GetDatabase();
        var entry = (await db.HashGetAllAsync(key)).ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (!entry.TryGetValue("hash", out var hash) || !entry.TryGetValue("salt", out var salt)
            || !entry.TryGetValue("expires", out var expires))
        {
            return (ResetCodeCheck.Missing, 0);
        }
        if (clock.GetUtcNow().ToUnixTimeMilliseconds() >= (long)expires)
        {
            await db.KeyDeleteAsync(key);
            return (ResetCodeCheck.Missing, 0);
        }
        var matches = code.Length == 6 && CryptographicOperations.FixedTimeEquals(Digest(code, (byte[])salt!), (byte[])hash!);
        if (matches)
        {
            // Only the request that deletes the entry may use it.
            return await db.KeyDeleteAsync(key) ? (ResetCodeCheck.Valid, 0) : (ResetCodeCheck.Missing, 0);
        }
        var attempts = (long)await db.ScriptEvaluateAsync(CountWrongAttempt, [key]);
        if (attempts < 0)
            return (ResetCodeCheck.Missing, 0);
        var left = Settings.ResetCodeMaxAttempts - (int)attempts;
        if (left <= 0)
        {
            await db.KeyDeleteAsync(key);
            return (ResetCodeCheck.Exhausted, 0);
        }
        return (ResetCodeCheck.Wrong, left);
    }

    private static RedisKey Key(string normalizedEmail) => "goshop:identity:reset:" + normalizedEmail;

    private static byte[] Digest(string code, byte[] salt) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code));
}
