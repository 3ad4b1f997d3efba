namespace GoShop.Catalog.Domain;

/// <summary>
/// A brand, created the first time a seller names it on a product. Names that differ only in case, spacing or
/// diacritics ("Samsung", "SAMSUNG ") are the same brand: they share a <see cref="Slug"/>.
/// </summary>
public sealed class Brand
{
    public const int MaxName = 100;

    private Brand()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Brand Create(string name, DateTimeOffset now, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        Name = name,
        Slug = Slugs.From(name),
        CreatedAt = now,
    };
}
