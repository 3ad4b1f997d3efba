namespace GoShop.Notifications.Sms;

/// <summary>Sends one text message to one phone number (E.164 or as the person typed it).</summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken);
}
