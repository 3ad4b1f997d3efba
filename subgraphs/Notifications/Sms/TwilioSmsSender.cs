using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace GoShop.Notifications.Sms;

/// <summary>
/// Sends SMS through Twilio's Messages API (<c>POST {ApiBase}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, HTTP
/// basic auth with the account SID and auth token, form fields To, From and Body). Any answer but 2xx fails the
/// delivery, which is retried.
/// </summary>
public sealed class TwilioSmsSender(HttpClient http, IOptions<NotificationsOptions> options) : ISmsSender
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        var twilio = options.Value.Sms.Twilio;
        if (twilio.AccountSid is null || twilio.AuthToken is null || twilio.From is null)
            throw new InvalidOperationException("Notifications:Sms:Twilio needs AccountSid, AuthToken and From.");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{twilio.ApiBase.TrimEnd('/')}/2010-04-01/Accounts/{twilio.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = phoneNumber, ["From"] = twilio.From, ["Body"] = text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Twilio answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
