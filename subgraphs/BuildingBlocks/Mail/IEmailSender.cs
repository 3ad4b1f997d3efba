namespace GoShop.BuildingBlocks.Mail;

/// <summary>
/// One message to one address, with its plain-text and HTML parts. <see cref="Headers"/> adds headers such as
/// List-Unsubscribe (RFC 2369 and RFC 8058) for marketing mail.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html, IReadOnlyDictionary<string, string>? Headers = null);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
