using System.Collections.Concurrent;
using GoShop.PaymentGateways.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GoShop.PaymentGateways.Tests.Support;

/// <summary>
/// The gateways and their sandbox in an in-process server, as the payments subgraph hosts them: both named
/// HttpClients go to the test server, and <c>/webhooks/{provider}</c> plays our webhook endpoint (it verifies with the
/// adapter, keeps what arrived and answers with the adapter's reply for <see cref="Handling"/>).
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

    private SandboxHost(WebApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public WebApplication App { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>A client that does not follow redirects (the test reads where the sandbox sends the browser).</summary>
    public HttpClient Browser { get; private set; } = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public WebhookHandling Handling { get; set; } = WebhookHandling.Recorded;

    public IPaymentGateway Gateway(GatewayKind kind) => App.Services.GetRequiredService<IPaymentGatewayRegistry>().Get(kind);

    public static async Task<SandboxHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var clock = new FakeTimeProvider(Start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddPaymentGateways(builder.Configuration);
        builder.AddPaymentGatewaySandbox();
        foreach (var name in new[] { PaymentGatewayHttpClients.Providers, SandboxCallbacks.HttpClientName })
            builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        var app = builder.Build();
        var host = new SandboxHost(app, clock);
        app.MapPaymentGatewaySandbox();
        app.MapMethods("/webhooks/{provider}", ["GET", "POST"], (string provider, HttpContext context) => host.HandleWebhookAsync(provider, context));
        await app.StartAsync();
        host.Browser = app.GetTestServer().CreateClient();
        return host;
    }

    private async Task HandleWebhookAsync(string provider, HttpContext context)
    {
        var kind = Enum.Parse<GatewayKind>(provider, ignoreCase: true);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new WebhookRequest(
            context.Request.Method,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray(),
            Clock.GetUtcNow());
        var gateway = Gateway(kind);
        var verification = await gateway.VerifyAsync(request, context.RequestAborted);
        Received.Enqueue(new ReceivedWebhook(kind, request, verification));
        var reply = gateway.Reply(verification is WebhookVerification.Verified ? Handling : WebhookHandling.Refused);
        context.Response.StatusCode = reply.StatusCode;
        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body);
        }
    }

    /// <summary>Waits for a webhook of <paramref name="kind"/> matching <paramref name="match"/> (the sandbox sends some later).</summary>
    public async Task<ReceivedWebhook> WebhookAsync(GatewayKind kind, Func<ReceivedWebhook, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = Received.FirstOrDefault(r => r.Gateway == kind && (match is null || match(r)));
            if (found is not null)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {kind} webhook arrived.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(GatewayKind Gateway, WebhookRequest Request, WebhookVerification Verification)
{
    public GatewayNotification Notification =>
        Verification is WebhookVerification.Verified verified
            ? verified.Notification
            : throw new Xunit.Sdk.XunitException($"The {Gateway} webhook was refused: {Verification}");
}
