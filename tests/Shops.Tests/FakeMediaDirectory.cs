using System.Collections.Concurrent;
using GoShop.Contracts.Media;

namespace GoShop.Shops.Tests;

/// <summary>Stands in for the media subgraph's internal lookup: the files "uploaded" by a test.</summary>
public sealed class FakeMediaDirectory() : MediaDirectory(new HttpClient())
{
    private readonly ConcurrentDictionary<Guid, MediaInfo> _files = new();

    public Guid Upload(Guid ownerId, string kind = "IMAGE")
    {
        var info = new MediaInfo(Guid.CreateVersion7(), ownerId, kind, kind == "IMAGE" ? "image/png" : "video/mp4", 640, 480);
        _files[info.Id] = info;
        return info.Id;
    }

    public override Task<MediaInfo?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryGetValue(id, out var info) ? info : null);
}
