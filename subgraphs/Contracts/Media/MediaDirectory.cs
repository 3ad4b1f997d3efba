using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Media;

/// <summary>What another subgraph may learn about an uploaded file before attaching it to something it owns.</summary>
public sealed record MediaInfo(Guid Id, Guid OwnerId, string Kind, string ContentType, int? Width, int? Height);

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
