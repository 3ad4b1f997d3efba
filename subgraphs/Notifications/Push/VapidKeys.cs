using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Push;

/// <summary>
/// The application server's VAPID key pair (RFC 8292), which browsers subscribe with (webPushPublicKey) and push services
/// check on every push. From <c>Notifications:Push:VapidPublicKey</c>/<c>VapidPrivateKey</c>; in Development, when none
/// is configured, a pair is generated once and kept in <c>Notifications:Push:DevelopmentKeyFile</c>, so subscriptions
/// outlive a restart. Elsewhere web push is off until keys are configured.
/// </summary>
public sealed class VapidKeys : IDisposable
{
    private readonly ECDsa? _signer;

    public VapidKeys(IOptions<NotificationsOptions> options, IHostEnvironment environment, ILogger<VapidKeys> logger)
    {
        var push = options.Value.Push;
        Subject = push.VapidSubject;
        var (publicKey, privateKey) = (push.VapidPublicKey, push.VapidPrivateKey);
        if ((publicKey is null || privateKey is null) && environment.IsDevelopment())
            (publicKey, privateKey) = DevelopmentPair(push.DevelopmentKeyFile);
        if (publicKey is null || privateKey is null)
        {
            logger.LogWarning("No VAPID keys are configured (Notifications:Push:VapidPublicKey/VapidPrivateKey): web push is off");
            return;
        }
        var q = WebEncoders.Base64UrlDecode(publicKey);
        _signer = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = q[1..33], Y = q[33..65] },
            D = WebEncoders.Base64UrlDecode(privateKey),
        });
        PublicKey = publicKey;
    }

    /// <summary>The applicationServerKey browsers subscribe with (base64url, uncompressed point); null when push is off.</summary>
    public string? PublicKey { get; }

    public string Subject { get; }

    public bool Enabled => _signer is not null;

    /// <summary>The Authorization header of a push to <paramref name="endpoint"/>: <c>vapid t=&lt;JWT&gt;, k=&lt;public key&gt;</c>.</summary>
    public string Authorization(Uri endpoint, DateTimeOffset now)
    {
        if (_signer is null)
            throw new InvalidOperationException("Web push is off: no VAPID keys.");
        static string Part(object value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
        var audience = endpoint.GetLeftPart(UriPartial.Authority);
        var unsigned = Part(new { typ = "JWT", alg = "ES256" }) + "." +
            Part(new Dictionary<string, object> { ["aud"] = audience, ["exp"] = now.AddHours(12).ToUnixTimeSeconds(), ["sub"] = Subject });
        var signature = _signer.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"vapid t={unsigned}.{WebEncoders.Base64UrlEncode(signature)}, k={PublicKey}";
    }

    public void Dispose() => _signer?.Dispose();

    private static (string Public, string Private) DevelopmentPair(string file)
    {
        if (File.Exists(file) && JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) is { } saved
            && saved.TryGetValue("publicKey", out var savedPublic) && saved.TryGetValue("privateKey", out var savedPrivate))
            return (savedPublic, savedPrivate);
        using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = generated.ExportParameters(true);
        var pair = (WebEncoders.Base64UrlEncode(WebPushEncryption.Uncompressed(parameters.Q)), WebEncoders.Base64UrlEncode(parameters.D!));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, string> { ["publicKey"] = pair.Item1, ["privateKey"] = pair.Item2 }));
        return pair;
    }
}
