using GoShop.Catalog.Domain;

namespace GoShop.Catalog.Products;

/// <summary>A product a seller lists, its texts already checked and trimmed (a blank one is null).</summary>
public sealed record NewProduct(
    Guid ShopId,
    string Title,
    string? Description,
    string? Brand,
    string? Model,
    Guid? CategoryId,
    IReadOnlyList<NameValue> Attributes,
    int WeightGrams,
    Dimensions? Dimensions,
    decimal Price,
    bool Publish,
    int? LowStockThreshold,
    int InitialStock);

/// <summary>
/// Changes to a product's details: null leaves a detail as it is. The optional texts (description, brand, model) are
/// trimmed, and an empty one removes the detail.
/// </summary>
public sealed record ProductEdit(
    Guid ProductId,
    string? Title,
    string? Description,
    string? Brand,
    string? Model,
    Guid? CategoryId,
    IReadOnlyList<NameValue>? Attributes,
    int? WeightGrams,
    Dimensions? Dimensions,
    ProductStatus? Status,
    int? LowStockThreshold);

/// <summary>A variant added to a product, its SKU trimmed.</summary>
public sealed record NewVariant(Guid ProductId, string Sku, IReadOnlyList<NameValue> Options, decimal Price, int InitialStock);

/// <summary>A variant's new SKU (trimmed) or options; null leaves either as it is.</summary>
public sealed record VariantEdit(Guid VariantId, string? Sku, IReadOnlyList<NameValue>? Options);

/// <summary>A variant as committed, with its product.</summary>
public sealed record ProductWithVariant(Product Product, ProductVariant Variant);
