using GoShop.BuildingBlocks.Mail;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Delivery;

/// <summary>
/// A notification as an email: its title as the subject, its body as the plain-text part, the shipped HTML layout around
/// it, a link to it in the app and, for marketing kinds, an unsubscribe link (also as List-Unsubscribe).
/// </summary>
public sealed class EmailChannel(IEmailSender sender, TemplateRenderer renderer, UnsubscribeLinks unsubscribe, IOptions<NotificationsOptions> options)
{
    public async Task SendAsync(Notification notification, Recipient recipient, CancellationToken cancellationToken) =>
        await sender.SendAsync(await ComposeAsync(notification, recipient), cancellationToken);

    public Task<EmailMessage> ComposeAsync(Notification notification, Recipient recipient) =>
        ComposeAsync(recipient, new RenderedMessage(notification.Title, notification.Body), notification.Link,
            NotificationKinds.Find(notification.Kind)?.Marketing == true ? notification.Category : null);

    /// <summary>A daily digest of a marketing category as an email: always with that category's unsubscribe link.</summary>
    public async Task SendDigestAsync(RenderedMessage digest, NotificationCategory category, Recipient recipient, CancellationToken cancellationToken) =>
        await sender.SendAsync(await ComposeAsync(recipient, digest, "/notifications", category), cancellationToken);

    private async Task<EmailMessage> ComposeAsync(Recipient recipient, RenderedMessage message, string? appLink, NotificationCategory? unsubscribeCategory)
    {
        var english = recipient.Language == "en";
        var link = appLink is null ? null : options.Value.AppBaseUrl.TrimEnd('/') + appLink;
        var unsubscribeUrl = unsubscribeCategory is { } category ? unsubscribe.Url(recipient.UserId, category) : null;
        var text = message.Body
            + (link is null ? "" : $"\n\n{(english ? "Open in GoShop" : "Xem trên GoShop")}: {link}")
            + (unsubscribeUrl is null ? "" : $"\n\n{(english ? "Unsubscribe" : "Hủy đăng ký nhận email này")}: {unsubscribeUrl}");
        var html = await renderer.RenderEmailHtmlAsync(new Dictionary<string, object?>
        {
            ["language"] = recipient.Language,
            ["title"] = message.Title,
            ["paragraphs"] = message.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ["link"] = link,
            ["open_label"] = english ? "Open in GoShop" : "Xem trên GoShop",
            ["unsubscribe_url"] = unsubscribeUrl,
            ["unsubscribe_label"] = english ? "Unsubscribe" : "Hủy đăng ký nhận email này",
        });
        var headers = unsubscribeUrl is null ? null : new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{unsubscribeUrl}>" };
        return new EmailMessage(recipient.Email!, message.Title, text, html, headers);
    }
}
