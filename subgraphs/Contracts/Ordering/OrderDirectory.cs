using System.Net;
using System.Net.Http.Json;

namespace GoShop.Contracts.Ordering;

/// <summary>
/// Ordering's internal lookup of orders as they are now, for payments to price a payment when the buyer starts it
/// (the OrderPlaced event may not have arrived yet): <c>GET /internal/orders/{orderId}</c> answers one order,
/// <c>GET /internal/checkouts/{checkoutId}/orders</c> every order of a checkout. Register with
/// <c>AddInternalApiClient&lt;OrderDirectory&gt;(configuration)</c>.
/// </summary>
public class OrderDirectory(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Ordering;

    /// <summary>The order as it is now, or null when no such order exists.</summary>
    public virtual async Task<OrderSnapshot?> FindOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"internal/orders/{orderId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderSnapshot>(cancellationToken);
    }

    /// <summary>The orders of a checkout as they are now (one per shop), or an empty list when no such checkout exists.</summary>
    public virtual async Task<IReadOnlyList<OrderSnapshot>> FindCheckoutOrdersAsync(Guid checkoutId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"internal/checkouts/{checkoutId}/orders", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return [];
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<OrderSnapshot>>(cancellationToken) ?? [];
    }
}
