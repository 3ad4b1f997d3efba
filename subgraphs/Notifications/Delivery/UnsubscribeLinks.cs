using System.Security.Cryptography;
using System.Text;
using GoShop.BuildingBlocks.Domain;
using GoShop.Notifications.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Delivery;

/// <summary>
/// The unsubscribe links of marketing email: a token naming the person and the category, signed (HMAC-SHA256) so that
/// nobody can unsubscribe someone else by editing the link. The web app's unsubscribe page passes it to unsubscribeEmail.
/// </summary>
public sealed class UnsubscribeLinks
{
    private const string DevelopmentKey = "goshop-development-unsubscribe-key";
    private readonly byte[] _key;
    private readonly string _baseUrl;

    public UnsubscribeLinks(IOptions<NotificationsOptions> options, IHostEnvironment environment)
    {
        var key = options.Value.UnsubscribeKey ?? (environment.IsDevelopment() ? DevelopmentKey
            : throw new InvalidOperationException("Notifications:UnsubscribeKey must be configured outside Development."));
        _key = Encoding.UTF8.GetBytes(key);
        _baseUrl = options.Value.AppBaseUrl.TrimEnd('/');
    }

    public string Url(Guid userId, NotificationCategory category) => $"{_baseUrl}/unsubscribe?token={Token(userId, category)}";

    public string Token(Guid userId, NotificationCategory category)
    {
        var payload = Encoding.UTF8.GetBytes($"{userId:N}.{category.ToContractName()}");
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>Who and what a token unsubscribes; null when it was not signed here.</summary>
    public (Guid UserId, NotificationCategory Category)? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 2)
            return null;
        try
        {
            var payload = WebEncoders.Base64UrlDecode(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), WebEncoders.Base64UrlDecode(parts[1])))
                return null;
            var text = Encoding.UTF8.GetString(payload).Split('.');
            var category = Enum.GetValues<NotificationCategory>().FirstOrDefault(c => c.ToContractName() == text[1]);
            return Guid.TryParseExact(text[0], "N", out var userId) && category.ToContractName() == text[1] ? (userId, category) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
