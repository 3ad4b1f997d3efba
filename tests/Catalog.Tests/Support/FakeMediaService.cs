using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GoShop.Contracts.Media;

namespace GoShop.Catalog.Tests.Support;

/// <summary>
/// Plays the media subgraph's internal API (<c>GET /internal/media/{id}</c>) for the catalog's MediaDirectory client:
/// it knows the uploads the tests register, and can be told to be down.
/// </summary>
public sealed class FakeMediaService : HttpMessageHandler
{
    private readonly ConcurrentDictionary<Guid, MediaInfo> _uploads = new();

    public bool Down { get; set; }

    /// <summary>Registers an upload owned by a user and answers its id.</summary>
    public Guid Upload(Guid ownerId)
    {
        var id = Guid.CreateVersion7();
        _uploads[id] = new MediaInfo(id, ownerId, "IMAGE", "image/webp", 800, 800);
        return id;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down)
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var path = request.RequestUri!.AbsolutePath;
        const string prefix = "/internal/media/";
        if (request.Method == HttpMethod.Get && path.StartsWith(prefix, StringComparison.Ordinal)
            && Guid.TryParse(path[prefix.Length..], out var id) && _uploads.TryGetValue(id, out var media))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(media) });
        }
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
