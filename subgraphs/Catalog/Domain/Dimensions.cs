namespace GoShop.Catalog.Domain;

/// <summary>A parcel's size in centimetres, for shipping quotes.</summary>
public sealed record Dimensions(decimal LengthCm, decimal WidthCm, decimal HeightCm);
