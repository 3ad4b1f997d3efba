using System.Collections.Concurrent;
using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts.Ordering;
using GoShop.Contracts.Shops;
using GoShop.PaymentGateways;
using GoShop.PaymentGateways.Sandbox;
using GoShop.Payments.Data;
using GoShop.Testing;
using GoShop.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Payments.Tests.Support;

/// <summary>
/// The payments subgraph hosted in-process for one test class, on a database of its own, with a clock the tests can
/// move, tokens signed as identity signs them, ordering's order lookup played by <see cref="Orders"/>, and the gateway
/// adapters in sandbox mode: their calls to the providers and the sandbox's signed callbacks to our webhooks go to this
/// in-process host, and every callback is recorded (<see cref="Callbacks"/>) so a test can replay or tamper with it.
/// </summary>
public class PaymentsApp : SubgraphApp<Program, PaymentsDbContext>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        // The tests sweep at the moment they choose (PaymentsSweeper.SweepOnceAsync) after moving the clock.
        ["Payments:SweepInterval"] = "00:00:00",
        ["Messaging:OutboxRetentionDays"] = "3650",
        ["Messaging:InboxRetentionDays"] = "3650",
    };

    public PaymentsApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An app with settings of its own on top of the tests' defaults.</summary>
    protected PaymentsApp(IReadOnlyDictionary<string, string?> settings)
        : base("payments")
    {
        foreach (var (key, value) in settings)
            _settings[key] = value;
    }

    public FakeOrderDirectory Orders { get; } = new();

    /// <summary>The shops subgraph's shop lookup (who owns a shop).</summary>
    public FakeShopsService Shops { get; } = new();

    /// <summary>The callbacks the sandboxes sent to our webhooks, oldest first.</summary>
    public ConcurrentQueue<RecordedCallback> Callbacks { get; } = new();

    /// <summary>Off: the sandboxes' callbacks are recorded but never reach the webhooks (as if lost on the way), for the test to send.</summary>
    public bool DeliverCallbacks { get; set; } = true;

    /// <summary>
    /// When set, sees every call to the providers' APIs first: it may throw (an unreachable provider) or answer for the
    /// provider; null lets the sandbox answer. A test that sets it resets it.
    /// </summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? ProviderFault { get; set; }

    /// <summary>Runs <paramref name="act"/> with <see cref="ProviderFault"/> set, and resets it.</summary>
    public async Task<T> WithProviderFaultAsync<T>(Func<HttpRequestMessage, HttpResponseMessage?> fault, Func<Task<T>> act)
    {
        ProviderFault = fault;
        try
        {
            return await act();
        }
        finally
        {
            ProviderFault = null;
        }
    }

    /// <summary>A fault for <see cref="ProviderFault"/>: the provider cannot be reached.</summary>
    public static HttpResponseMessage Unreachable(HttpRequestMessage request) =>
        throw new HttpRequestException("Connection refused (test)", null, System.Net.HttpStatusCode.ServiceUnavailable);

    /// <summary>A fault for <see cref="ProviderFault"/>: PayPal answers refunds with an error it will not recover from (PROVIDER_REJECTED).</summary>
    public static HttpResponseMessage? PayPalRefusesRefunds(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.EndsWith("/refund", StringComparison.Ordinal)
            ? new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError)
            {
                Content = new StringContent("""{"name":"INTERNAL_SERVICE_ERROR","message":"Refund declined"}""", System.Text.Encoding.UTF8, "application/json"),
            }
            : null;

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>A signed-in person with the given roles (a buyer by default).</summary>
    public Person SignIn(params string[] roles)
    {
        var id = Guid.CreateVersion7();
        return new Person(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)));
    }

    public Person Admin() => SignIn(Roles.Buyer, Roles.Admin);

    /// <summary>A person who is not signed in.</summary>
    public GraphQLClient Anonymous() => Client();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.UseFakeInternalApi<OrderDirectory>(Orders);
        services.UseFakeInternalApi<ShopDirectory>(Shops);
        services.AddHttpClient(PaymentGatewayHttpClients.Providers)
            .ConfigurePrimaryHttpMessageHandler(() => new FaultHandler(this) { InnerHandler = Factory.Server.CreateHandler() });
        services.AddHttpClient(SandboxCallbacks.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler(this) { InnerHandler = Factory.Server.CreateHandler() });
    }
}

/// <summary>A signed-in person: their id and a client carrying their token.</summary>
public sealed record Person(Guid Id, GraphQLClient Client);

/// <summary>A webhook call exactly as a sandbox sent it.</summary>
public sealed record RecordedCallback(HttpMethod Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? ContentType)
{
    public HttpRequestMessage ToRequest(Uri? url = null, byte[]? body = null)
    {
        var request = new HttpRequestMessage(Method, url ?? Url);
        if (Method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body ?? Body);
            if (ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}

internal sealed class RecordingHandler(PaymentsApp app) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        app.Callbacks.Enqueue(new RecordedCallback(request.Method, request.RequestUri!,
            request.Headers.Select(h => KeyValuePair.Create(h.Key, string.Join(",", h.Value))).ToList(), body,
            request.Content?.Headers.ContentType?.ToString()));
        return app.DeliverCallbacks ? await base.SendAsync(request, cancellationToken) : new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);
    }
}

internal sealed class FaultHandler(PaymentsApp app) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        app.ProviderFault?.Invoke(request) ?? await base.SendAsync(request, cancellationToken);
}
