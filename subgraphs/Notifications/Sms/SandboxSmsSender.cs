using System.Text;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Sms;

/// <summary>
/// Development's SMS provider: every message becomes a text file in <c>Notifications:Sms:SandboxDirectory</c> (the
/// number on the first line, the message after it), so nothing is sent and tests read what would have been.
/// </summary>
public sealed class SandboxSmsSender(IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<SandboxSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        var directory = options.Value.Sms.SandboxDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, $"To: {phoneNumber}\n\n{text}\n", Encoding.UTF8, cancellationToken);
        logger.LogInformation("SMS to {Phone} written to {Path}", phoneNumber, path);
    }
}
