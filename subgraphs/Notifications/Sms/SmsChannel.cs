using GoShop.BuildingBlocks.RateLimiting;
using GoShop.Notifications.Domain;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Sms;

/// <summary>
/// A notification as a text message: only urgent kinds travel by SMS (planned by the inbox), and each number gets at most
/// <c>Notifications:Sms:PerNumberLimit</c> messages per <c>PerNumberWindow</c>, across every instance (Redis): a message
/// over the limit fails its attempt and is retried after the backoff.
/// </summary>
public sealed class SmsChannel(ISmsSender sender, RedisRateLimiter limiter, IOptions<NotificationsOptions> options)
{
    public async Task SendAsync(Notification notification, string phoneNumber, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        var number = new string(phoneNumber.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        var decision = await limiter.HitAsync($"notifications:sms:{number}", sms.PerNumberLimit, sms.PerNumberWindow);
        if (!decision.Allowed)
            throw new InvalidOperationException($"SMS rate limit for this number reached; it frees up in {decision.RetryAfter:hh\\:mm\\:ss}.");
        await sender.SendAsync(number, $"GoShop: {notification.Title}. {notification.Body}", cancellationToken);
    }
}
