using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GoShop.Gateway.Transport;

/// <summary>
/// Serves Banana Cake Pop (ChilliCream's GraphQL IDE, from its npm package; ChilliCream license, see the README) to
/// browsers at the GraphQL endpoint, pointed at the endpoint itself, as gateway/banana-cake-pop.ts does for Hive
/// Gateway: a GET asking for HTML without a <c>query</c> parameter gets the IDE's page, <c>/graphql/…</c> its files
/// and its <c>bcp-config.json</c>. Everything else (POSTs, GETs with a query, other Accept headers) goes on to the
/// GraphQL endpoint.
/// </summary>
internal sealed class BananaCakePop
{
    private const string EndpointPath = "/graphql";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".webmanifest"] = "application/manifest+json",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
    };

    private readonly RequestDelegate _next;
    // The package folder with a trailing separator; null when the IDE is not served.
    private readonly string? _root;
    private readonly byte[] _config;
    private readonly Lazy<byte[]> _page;

    public BananaCakePop(RequestDelegate next, IOptions<BananaCakePopOptions> options, IHostEnvironment environment, ILogger<BananaCakePop> logger)
    {
        _next = next;
        var settings = options.Value;
        var root = Path.GetFullPath(settings.Root, environment.ContentRootPath);
        if (settings.Enabled && File.Exists(Path.Combine(root, "index.html")))
            _root = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        else if (settings.Enabled)
            logger.LogWarning("Banana Cake Pop is not served: {Root} has no index.html (run scripts/build.sh gateway)", root);
        _config = JsonSerializer.SerializeToUtf8Bytes(new { useBrowserUrlAsEndpoint = true, title = settings.Title, includeCookies = false, disableTelemetry = true });
        // The IDE's asset URLs are relative: they resolve under the endpoint's path.
        _page = new(() => System.Text.Encoding.UTF8.GetBytes(
            File.ReadAllText(Path.Combine(root, "index.html")).Replace("<head>", $"<head><base href=\"{EndpointPath}/\">", StringComparison.Ordinal)));
    }

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (_root is null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            return _next(http);
        var path = request.Path.Value ?? "";

        if (path is EndpointPath or EndpointPath + "/")
        {
            var wantsPage = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase) && !request.Query.ContainsKey("query");
            return wantsPage ? WriteAsync(http, _page.Value, ContentTypes[".html"], "no-cache") : _next(http);
        }
        if (path is EndpointPath + "/bcp-config.json" or EndpointPath + "bcp-config.json")
            return WriteAsync(http, _config, ContentTypes[".json"], "no-cache");
        if (!path.StartsWith(EndpointPath + "/", StringComparison.Ordinal))
            return _next(http);

        var relative = path[(EndpointPath.Length + 1)..];
        if (Asset(relative) is not { } file || !ContentTypes.TryGetValue(Path.GetExtension(relative), out var type))
            return _next(http);
        var immutable = relative.StartsWith("static/", StringComparison.Ordinal);
        return SendAsync(http, file, type, immutable ? "public, max-age=31536000, immutable" : "no-cache");
    }

    /// <summary>A file of the package, or null for a path that leaves it or is not there.</summary>
    private string? Asset(string relative)
    {
        // The request path is already decoded (but for %2F): refuse any dot segment or backslash outright, before
        // checking that the full path stays under the package folder.
        var segments = relative.Split('/');
        if (relative.Length == 0 || relative.Contains('\\', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal)
            || segments.Any(s => s is "" or "." or ".." || s.Contains("%2f", StringComparison.OrdinalIgnoreCase))
            || relative == "package.json")
            return null;
        var file = Path.GetFullPath(Path.Combine(_root!, relative));
        return file.StartsWith(_root!, StringComparison.Ordinal) && File.Exists(file) ? file : null;
    }

    private static async Task WriteAsync(HttpContext http, byte[] body, string contentType, string cacheControl)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task SendAsync(HttpContext http, string file, string contentType, string cacheControl)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.ContentLength = new FileInfo(file).Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.SendFileAsync(file, http.RequestAborted);
    }
}
