using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Shops;

/// <summary>
/// The shops subgraph's internal lookup (<c>GET /internal/shops/{id}</c>): the same <see cref="ShopSnapshot"/> the shop
/// events carry, read now. Subgraphs keep their copy from the events and ask here only for a shop they have not heard
/// of yet. Register with <c>AddInternalApiClient&lt;ShopDirectory&gt;(configuration)</c>.
/// </summary>
public class ShopDirectory(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Shops;

    /// <summary>The shop as it is now, or null when no such shop exists.</summary>
    public virtual async Task<ShopSnapshot?> FindAsync(Guid shopId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"internal/shops/{shopId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ShopSnapshot>(cancellationToken);
    }
}
