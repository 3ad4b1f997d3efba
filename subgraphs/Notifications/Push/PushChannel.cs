using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GoShop.Notifications.Data;
using GoShop.Notifications.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Push;

/// <summary>What a push carries to the browser (serialized as its JSON message): a notification, or a daily digest of several.</summary>
public sealed record PushMessage(Guid Id, string Kind, string Title, string Body, string? Link)
{
    public static PushMessage Of(Notification notification) => new(notification.Id, notification.Kind, notification.Title, notification.Body, notification.Link);
}

/// <summary>
/// A notification as a web push to each browser the person registered: a small JSON message (id, title, body, link)
/// encrypted for that browser (RFC 8291), signed for the push service with our VAPID key. Delivery is per device: a
/// device that accepted the message is reported through <c>accepted</c> and skipped when the caller tries again, so a
/// retry after one browser failed does not push twice to the others. A device the push service answers 404 or 410 for is
/// gone and is removed; any other failure fails the delivery, which is retried.
/// </summary>
public sealed class PushChannel(HttpClient http, VapidKeys vapid, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<PushChannel> logger)
{
    public async Task SendAsync(NotificationsDbContext db, Guid userId, PushMessage message, bool urgent, IReadOnlyCollection<Guid> alreadyAccepted,
        Action<Guid> accepted, CancellationToken cancellationToken)
    {
        var devices = await db.PushDevices.Where(d => d.UserId == userId).ToListAsync(cancellationToken);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = message.Id,
            kind = message.Kind,
            title = message.Title,
            body = message.Body,
            link = message.Link,
        });
        var failures = new List<string>();
        foreach (var device in devices.Where(d => !alreadyAccepted.Contains(d.Id)))
        {
            var endpoint = new Uri(device.Endpoint);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new ByteArrayContent(WebPushEncryption.Encrypt(payload, WebEncoders.Base64UrlDecode(device.P256dh), WebEncoders.Base64UrlDecode(device.Auth))),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content.Headers.ContentEncoding.Add("aes128gcm");
            request.Headers.TryAddWithoutValidation("TTL", ((int)options.Value.Push.TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("Urgency", urgent ? "high" : "normal");
            request.Headers.TryAddWithoutValidation("Authorization", vapid.Authorization(endpoint, clock.GetUtcNow()));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                logger.LogInformation("Push device {DeviceId} is gone ({Status}); removing it", device.Id, (int)response.StatusCode);
                db.PushDevices.Remove(device);
            }
            else if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{endpoint.Host} answered {(int)response.StatusCode}");
            }
            else
            {
                accepted(device.Id);
            }
        }
        if (failures.Count > 0)
            throw new HttpRequestException("Web push failed: " + string.Join("; ", failures));
    }
}
