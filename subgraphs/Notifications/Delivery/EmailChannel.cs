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

    public async Task<EmailMessage> ComposeAsync(Notification notification, Recipient recipient)
    {
        var english = recipient.Language == "en";
        var link = notification.Link is null ? null : options.Value.AppBaseUrl.TrimEnd('/') + notification.Link;
        var marketing = NotificationKinds.Find(notification.Kind)?.Marketing == true;
        var unsubscribeUrl = marketing ? unsubscribe.Url(recipient.UserId, notification.Category) : null;
        var text = notification.Body
            + (link is null ? "" : $"\n\n{(english ? "Open in GoShop" : "Xem trên GoShop")}: {link}")
            + (unsubscribeUrl is null ? "" : $"\n\n{(english ? "Unsubscribe" : "Hủy đăng ký nhận email này")}: {unsubscribeUrl}");
        var html = await renderer.RenderEmailHtmlAsync(new Dictionary<string, object?>
        {
            ["language"] = recipient.Language,
            ["title"] = notification.Title,
            ["paragraphs"] = notification.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ["link"] = link,
            ["open_label"] = english ? "Open in GoShop" : "Xem trên GoShop",
            ["unsubscribe_url"] = unsubscribeUrl,
            ["unsubscribe_label"] = english ? "Unsubscribe" : "Hủy đăng ký nhận email này",
        });
        var headers = unsubscribeUrl is null ? null : new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{unsubscribeUrl}>" };
        return new EmailMessage(recipient.Email!, notification.Title, text, html, headers);
    }
}
