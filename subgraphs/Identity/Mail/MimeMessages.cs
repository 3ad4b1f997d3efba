using MimeKit;

namespace GoShop.Identity.Mail;

internal static class MimeMessages
{
    public static MimeMessage From(EmailMessage message, MailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }
}
