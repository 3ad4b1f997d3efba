using GoShop.Contracts.Media;

namespace GoShop.Testing.Fakes;

/// <summary>The media subgraph's <c>GET /internal/media/{id}</c>, for the <see cref="MediaDirectory"/> client.</summary>
public sealed class FakeMediaService() : FakeInternalLookup<MediaInfo>("/internal/media/")
{
    /// <summary>Registers an upload owned by a user and answers its id.</summary>
    public Guid Upload(Guid ownerId, string kind = "IMAGE")
    {
        var id = Guid.CreateVersion7();
        Add(id, kind == "IMAGE"
            ? new MediaInfo(id, ownerId, kind, "image/webp", 800, 800)
            : new MediaInfo(id, ownerId, kind, "video/mp4", null, null));
        return id;
    }
}
