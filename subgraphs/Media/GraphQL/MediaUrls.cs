using GoShop.Media.Domain;
using Microsoft.Extensions.Options;

namespace GoShop.Media.GraphQL;

/// <summary>The absolute addresses clients fetch files from: <c>{PublicBaseUrl}/media/{id}/{variant}</c>.</summary>
public sealed class MediaUrls(IOptions<MediaOptions> options)
{
    private readonly string _base = options.Value.PublicBaseUrl.TrimEnd('/');

    public string Of(Guid mediaId, string variant) => $"{_base}/media/{mediaId}/{variant}";

    public string Of(MediaFile media, MediaRendition rendition) => Of(media.Id, rendition.Variant);
}
