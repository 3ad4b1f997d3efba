using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoShop.BuildingBlocks.Mail;

/// <summary>
/// Development delivery: every message becomes an .eml file in the pickup directory (open it with any mail client),
/// so a laptop needs no mail server and tests read reset codes from there.
/// </summary>
public sealed class PickupDirectoryEmailSender(IOptions<MailOptions> options, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.PickupDirectory);
        var path = Path.Combine(settings.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        using var mime = MimeMessages.From(message, settings);
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}", message.Subject, message.To, path);
    }
}
