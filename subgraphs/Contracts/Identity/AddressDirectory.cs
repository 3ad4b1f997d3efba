using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Identity;

/// <summary>
/// A delivery address as identity holds it now: what ordering snapshots into an order and shipping drives to.
/// The coordinates are known when the buyer picked a point on the map (or geocoding found one).
/// </summary>
public sealed record AddressSnapshot(
    Guid AddressId,
    Guid UserId,
    string RecipientName,
    string Phone,
    string Line1,
    string? Line2,
    string? Ward,
    string District,
    string City,
    string Country,
    string? PostalCode,
    double? Latitude,
    double? Longitude);

/// <summary>
/// Identity's internal address lookup (<c>GET /internal/users/{userId}/addresses/{addressId}</c>), for ordering, and a
/// user's default address, for search.
/// Register with <c>AddInternalApiClient&lt;AddressDirectory&gt;(configuration)</c>.
/// </summary>
public class AddressDirectory(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Identity;

    /// <summary>The address, or null when the user has no such address (another user's address is not found either).</summary>
    public virtual Task<AddressSnapshot?> FindAsync(Guid userId, Guid addressId, CancellationToken cancellationToken) =>
        GetAsync($"internal/users/{userId}/addresses/{addressId}", cancellationToken);

    /// <summary>The user's default address (<c>GET /internal/users/{userId}/addresses/default</c>), or null when they have none.</summary>
    public virtual Task<AddressSnapshot?> DefaultAsync(Guid userId, CancellationToken cancellationToken) =>
        GetAsync($"internal/users/{userId}/addresses/default", cancellationToken);

    private async Task<AddressSnapshot?> GetAsync(string route, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(route, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<AddressSnapshot>(cancellationToken);
    }
}
