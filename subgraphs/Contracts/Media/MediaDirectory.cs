using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Media;

/// <summary>
/// What another subgraph may learn about an uploaded file before attaching it to something it owns. <see cref="Kind"/> is
/// one of <see cref="MediaKinds"/>.
/// </summary>
public sealed record MediaInfo(Guid Id, Guid OwnerId, string Kind, string ContentType, int? Width, int? Height);

/// <summary>The kinds of uploaded file, as the internal API and the media events name them.</summary>
public static class MediaKinds
{
    public const string Image = "IMAGE";
    public const string Video = "VIDEO";

    public static bool IsImage(string kind) => string.Equals(kind, Image, StringComparison.OrdinalIgnoreCase);

    public static bool IsVideo(string kind) => string.Equals(kind, Video, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The media subgraph's internal lookup (<c>GET /internal/media/{id}</c>), for subgraphs that attach media by id
/// (catalog's product gallery, shops' logos and covers). Register with <c>AddInternalApiClient&lt;MediaDirectory&gt;(configuration)</c>.
/// </summary>
public class MediaDirectory(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Media;

    /// <summary>The file, or null when no such media exists.</summary>
    public virtual async Task<MediaInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"internal/media/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<MediaInfo>(cancellationToken);
    }
}
