using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GoShop.Notifications.Tests.Support;

/// <summary>One request a push service received: its path, headers and body.</summary>
public sealed record PushRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A local HTTP endpoint standing in for a browser vendor's push service (or another provider's API, such as Twilio's): it records what it is sent and answers each
/// path with the status the test chose (201 Created unless told otherwise, e.g. 410 Gone for an expired subscription).
/// </summary>
public sealed class PushServiceStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<PushRequest> _received = new();
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly Task _serving;

    public PushServiceStandIn()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Every request received, in order (for a stand-in of another HTTP API, such as Twilio's).</summary>
    public IReadOnlyList<PushRequest> All => _received.ToList();

    public string Endpoint(string path) => $"http://127.0.0.1:{Port}/push/{path}";

    public void Answer(string path, HttpStatusCode status) => _statuses[$"/push/{path}"] = (int)status;

    public IReadOnlyList<PushRequest> To(string path) => _received.Where(r => r.Path == $"/push/{path}").ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new PushRequest(path, headers, body.ToArray()));
            context.Response.StatusCode = _statuses.GetValueOrDefault(path, (int)HttpStatusCode.Created);
            context.Response.Close();
        }
    }
}
