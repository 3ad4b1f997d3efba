using System.Net;
using GoShop.Payments.Tests.Support;

namespace GoShop.Payments.Tests;

/// <summary>A payments app that lets one client address call a provider's webhook 3 times a minute.</summary>
public sealed class ThrottledPaymentsApp() : PaymentsApp(new Dictionary<string, string?> { ["Payments:WebhookRateLimitPerMinute"] = "3" });

/// <summary>Webhooks are rate-limited per client address and provider, before anything reads them.</summary>
public sealed class RateLimitTests(ThrottledPaymentsApp app) : IClassFixture<ThrottledPaymentsApp>
{
    [Fact]
    public async Task A_client_calling_a_webhook_too_often_is_told_to_come_back_later()
    {
        var http = app.Factory.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await http.GetAsync("/webhooks/vnpay?vnp_TxnRef=unknown"));

        Assert.All(answers.Take(3), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.NotNull(answers[3].Headers.RetryAfter);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.PostAsync("/webhooks/momo", new StringContent("{}"))).StatusCode);
    }
}
