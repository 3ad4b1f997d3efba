using System.Net.Http.Json;

namespace GoShop.Contracts.Catalog;

/// <summary>A product as search indexes it when it rebuilds from catalog: its snapshot, with what the events carry separately.</summary>
public sealed record ExportedProduct(ProductSnapshot Product, int Available, decimal RatingAverage, int RatingCount, int SoldCount);

/// <summary>A shop as catalog knows it (from shops' events): enough to hide a suspended shop's products and to find them near a point.</summary>
public sealed record ExportedShop(Guid ShopId, string Name, string Status, double Latitude, double Longitude);

/// <summary>One page of the export, in product id order; <see cref="Next"/> is the id to continue after, null at the end.</summary>
public sealed record ProductExportPage(IReadOnlyList<ExportedProduct> Products, IReadOnlyList<ExportedShop> Shops, Guid? Next);

/// <summary>A category of the tree: its names and its path from the root (itself last).</summary>
public sealed record CategorySummary(Guid Id, Guid? ParentId, string Name, string? NameEn, IReadOnlyList<Guid> Path);

/// <summary>
/// Catalog's export for search (<c>GET /internal/products/export</c>, <c>GET /internal/categories</c>): every live
/// product page by page, and the category tree. Register with <c>AddInternalApiClient&lt;CatalogExport&gt;(configuration)</c>.
/// </summary>
public class CatalogExport(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Catalog;

    public const string ProductsRoute = "internal/products/export";
    public const string CategoriesRoute = "internal/categories";
    public const int MaxPageSize = 1000;

    public virtual async Task<ProductExportPage> ProductsAsync(Guid? after, int size, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<ProductExportPage>($"{ProductsRoute}?size={size}" + (after is { } id ? $"&after={id}" : ""), cancellationToken)
        ?? new ProductExportPage([], [], null);

    public virtual async Task<IReadOnlyList<CategorySummary>> CategoriesAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<CategorySummary>>(CategoriesRoute, cancellationToken) ?? [];
}
