namespace GoShop.Catalog.Domain;

/// <summary>What a seller writes about a product, already checked and trimmed.</summary>
public sealed record ProductDetails(
    string Title,
    string? Description,
    Guid? BrandId,
    string? Model,
    Guid? CategoryId,
    IReadOnlyList<NameValue> Attributes,
    int WeightGrams,
    Dimensions? Dimensions);
