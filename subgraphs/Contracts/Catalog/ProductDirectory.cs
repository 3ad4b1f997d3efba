using System.Net.Http.Json;

namespace GoShop.Contracts.Catalog;

/// <summary>A product, or one variant of it, to look up.</summary>
public sealed record ProductKey(Guid ProductId, Guid? VariantId = null);

/// <summary>
/// What cart and ordering need to price and check a line right now: the list and effective price (after any running
/// discount), whether it is for sale (<see cref="Status"/> ACTIVE) and how many are available.
/// </summary>
public sealed record ProductSummary(
    Guid ProductId,
    Guid? VariantId,
    Guid ShopId,
    string Title,
    string? VariantTitle,
    string? Sku,
    string Status,
    decimal Price,
    decimal EffectivePrice,
    string Currency,
    int Available,
    int WeightGrams,
    Guid? ImageMediaId);

/// <summary>
/// Catalog's internal product lookup (<c>POST /internal/products/lookup</c>). Register with
/// <c>AddInternalApiClient&lt;ProductDirectory&gt;(configuration)</c>.
/// </summary>
public class ProductDirectory(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Catalog;

    public const string Route = "internal/products/lookup";

    /// <summary>The products and variants asked for that exist (deleted ones and unknown ids are left out).</summary>
    public virtual async Task<IReadOnlyList<ProductSummary>> LookupAsync(IEnumerable<ProductKey> keys, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Route, keys.ToList(), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<ProductSummary>>(cancellationToken) ?? [];
    }
}
