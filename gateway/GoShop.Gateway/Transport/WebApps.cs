using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GoShop.Gateway.Transport;

/// <summary>
/// Serves the built storefront (at <c>/</c>) and seller centre (at <c>/seller/</c>) from the gateway's own origin, so
/// the apps reach <c>/graphql</c> and its WebSocket without CORS. A file of an app's build is sent as it is (its hashed
/// <c>assets/</c> cached for good, the rest revalidated); any other GET for a page (Accept: text/html) gets the app's
/// index.html, so client-side routes such as <c>/products/…</c> load on a refresh. The API, the explorer, health and
/// metrics paths are never taken.
/// </summary>
internal sealed class WebApps
{
    private static readonly string[] ReservedPrefixes = ["/graphql", "/health", "/healthcheck", "/metrics"];
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly RequestDelegate _next;
    // Longest prefix first, so /seller/ wins over /.
    private readonly List<(string Prefix, string Root)> _apps = [];

    public WebApps(RequestDelegate next, IOptions<WebAppsOptions> options, IHostEnvironment environment, ILogger<WebApps> logger)
    {
        _next = next;
        var settings = options.Value;
        if (!settings.Enabled)
            return;
        var root = Path.GetFullPath(settings.Root, environment.ContentRootPath);
        foreach (var (prefix, folder) in new[] { ("/seller/", "seller"), ("/", "storefront") })
        {
            var dist = Path.Combine(root, folder, "dist") + Path.DirectorySeparatorChar;
            if (File.Exists(Path.Combine(dist, "index.html")))
                _apps.Add((prefix, dist));
            else
                logger.LogInformation("The {App} is not served: {Dist} has no index.html (scripts/web.sh builds it)", folder, dist);
        }
    }

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (_apps.Count == 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || http.WebSockets.IsWebSocketRequest)
            return _next(http);
        var path = request.Path.Value ?? "/";
        if (ReservedPrefixes.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase)))
            return _next(http);
        if (path == "/seller" && _apps.Any(a => a.Prefix == "/seller/"))
        {
            http.Response.Redirect("/seller/" + request.QueryString);
            return Task.CompletedTask;
        }
        foreach (var (prefix, root) in _apps)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var relative = path[prefix.Length..];
            if (Asset(root, relative) is { } file)
            {
                var immutable = relative.StartsWith("assets/", StringComparison.Ordinal);
                return SendAsync(http, file, immutable ? "public, max-age=31536000, immutable" : "no-cache");
            }
            // A client-side route: the app's page, which routes it. Missing scripts and images stay 404s.
            var wantsPage = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
            return wantsPage && !Path.HasExtension(relative) ? SendAsync(http, Path.Combine(root, "index.html"), "no-cache") : _next(http);
        }
        return _next(http);
    }

    /// <summary>A file of the build, or null for a path that leaves it or is not there.</summary>
    private static string? Asset(string root, string relative)
    {
        if (relative.Length == 0)
            return Path.Combine(root, "index.html");
        // The path is already decoded (but for %2F): refuse dot segments and backslashes before checking the result
        // stays inside the build folder.
        if (relative.Contains('\\', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal)
            || relative.Split('/').Any(s => s is "" or "." or ".." || s.Contains("%2f", StringComparison.OrdinalIgnoreCase)))
            return null;
        var file = Path.GetFullPath(Path.Combine(root, relative));
        return file.StartsWith(root, StringComparison.Ordinal) && File.Exists(file) ? file : null;
    }

    private static async Task SendAsync(HttpContext http, string file, string cacheControl)
    {
        http.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.ContentLength = new FileInfo(file).Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.SendFileAsync(file, http.RequestAborted);
    }
}
