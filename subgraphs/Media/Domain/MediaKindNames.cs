using GoShop.Contracts.Media;

namespace GoShop.Media.Domain;

/// <summary>How a kind is named outside this subgraph: in the API (IMAGE, VIDEO), events and the internal API.</summary>
public static class MediaKindNames
{
    public static string Of(MediaKind kind) => kind == MediaKind.Video ? MediaKinds.Video : MediaKinds.Image;
}
