namespace GoShop.Catalog.Domain;

/// <summary>A product attribute ("Chất liệu" = "Cotton") or a variant option ("Màu" = "Đỏ").</summary>
public sealed record NameValue(string Name, string Value);
