using System.Text.Json;
using GoShop.BuildingBlocks.Auth;
using GoShop.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GoShop.Identity.Security;

/// <summary>
/// The signing keys, read from the database and held in memory. Creates the first key, and the next one a week
/// before the current one retires (under an advisory lock, so two instances never create two). Serves identity's
/// own token validation and the public JWKS.
/// </summary>
public sealed class SigningKeyStore(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<IdentityOptions> options,
    ILogger<SigningKeyStore> logger) : IAccessTokenKeys
{
    private static readonly TimeSpan RotateAhead = TimeSpan.FromDays(7);
    private const long RotationLockId = 0x60_5e_0b_1d;

    private volatile KeySet _keys = KeySet.Empty;

    public SigningCredentials SigningCredentials =>
        _keys.Signing ?? throw new InvalidOperationException("No signing key is loaded yet.");

    public IEnumerable<SecurityKey> ValidationKeys(string? keyId)
    {
        var keys = _keys;
        return keyId is null ? keys.Public : keys.Public.Where(k => k.KeyId == keyId);
    }

    /// <summary>The JSON Web Key Set with the public half of every key still valid for verification.</summary>
    public string JsonWebKeySet()
    {
        var keys = _keys.Public.Select(key =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key);
            return new Dictionary<string, string?>
            {
                ["kty"] = jwk.Kty,
                ["use"] = "sig",
                ["alg"] = SecurityAlgorithms.EcdsaSha256,
                ["kid"] = jwk.Kid,
                ["crv"] = jwk.Crv,
                ["x"] = jwk.X,
                ["y"] = jwk.Y,
            };
        });
        return JsonSerializer.Serialize(new { keys });
    }

    /// <summary>Loads the keys, creating or rotating first when needed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        var keys = await LoadAsync(db, now, cancellationToken);
        if (keys.Count == 0 || keys.Max(k => k.RetiresAt) - now < RotateAhead)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RotationLockId})", cancellationToken);
            keys = await LoadAsync(db, now, cancellationToken);
            if (keys.Count == 0 || keys.Max(k => k.RetiresAt) - now < RotateAhead)
            {
                var settings = options.Value;
                var key = SigningKey.Create(now, TimeSpan.FromDays(settings.SigningKeyDays), settings.AccessTokenLifetime + TimeSpan.FromDays(1));
                db.SigningKeys.Add(key);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Created signing key {KeyId}, signing until {RetiresAt:O}", key.Id, key.RetiresAt);
                keys.Add(key);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        // Sign with the oldest key that still signs, so a freshly created successor is in every JWKS cache
        // before tokens carry its kid.
        var signing = keys.Where(k => k.RetiresAt > now).OrderBy(k => k.CreatedAt).First();
        _keys = new KeySet(
            new SigningCredentials(signing.ToSecurityKey(includePrivate: true), SecurityAlgorithms.EcdsaSha256),
            keys.Select(k => k.ToSecurityKey(includePrivate: false)).ToList());
    }

    private static Task<List<SigningKey>> LoadAsync(IdentityDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().Where(k => k.ExpiresAt > now).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);

    private sealed record KeySet(SigningCredentials? Signing, IReadOnlyList<ECDsaSecurityKey> Public)
    {
        public static KeySet Empty { get; } = new(null, []);
    }
}
