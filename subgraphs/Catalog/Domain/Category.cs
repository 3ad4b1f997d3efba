using GoShop.BuildingBlocks.Domain;

namespace GoShop.Catalog.Domain;

/// <summary>
/// A node of the category tree. <see cref="Path"/> holds the ids from the root down to this category (itself last),
/// so "this category and everything under it" is one array test and a cycle is visible before a move is made.
/// </summary>
public sealed class Category
{
    public const int MaxName = 100;
    public const int MaxSlug = 100;
    public const int MaxDepth = 5;

    private Category()
    {
    }

    public Guid Id { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The Vietnamese name.</summary>
    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public string Slug { get; private set; } = "";

    public Guid[] Path { get; private set; } = [];

    public int Position { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Depth => Path.Length;

    public static Result<Category> Create(string name, string? nameEn, string slug, Category? parent, int position, DateTimeOffset now, Guid? id = null)
    {
        if (parent is not null && parent.Depth >= MaxDepth)
            return new DomainError("CATEGORY_TOO_DEEP", $"Categories nest at most {MaxDepth} levels deep.", "parentId");
        var categoryId = id ?? Guid.CreateVersion7();
        return new Category
        {
            Id = categoryId,
            ParentId = parent?.Id,
            Name = name,
            NameEn = nameEn,
            Slug = slug,
            Path = [.. parent?.Path ?? [], categoryId],
            Position = position,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Rename(string? name, string? nameEn, string? slug, DateTimeOffset now)
    {
        if (name is not null)
            Name = name;
        if (nameEn is not null)
            NameEn = nameEn.Length == 0 ? null : nameEn;
        if (slug is not null)
            Slug = slug;
        UpdatedAt = now;
    }

    /// <summary>
    /// Moves this category (and its <paramref name="descendants"/>, every category whose path runs through it) under
    /// <paramref name="parent"/>, or to the root when null. Refuses to move it under itself or a descendant.
    /// </summary>
    public Result MoveUnder(Category? parent, IReadOnlyList<Category> descendants, DateTimeOffset now)
    {
        if (parent is not null && parent.Path.Contains(Id))
            return CatalogErrors.CategoryCycle;
        var subtreeHeight = descendants.Count == 0 ? 1 : descendants.Max(d => d.Depth) - Depth + 1;
        if ((parent?.Depth ?? 0) + subtreeHeight > MaxDepth)
            return new DomainError("CATEGORY_TOO_DEEP", $"Categories nest at most {MaxDepth} levels deep.", "parentId");
        var oldPrefix = Depth - 1;
        Guid[] newPrefix = parent?.Path ?? [];
        ParentId = parent?.Id;
        Path = [.. newPrefix, Id];
        UpdatedAt = now;
        foreach (var descendant in descendants)
        {
            descendant.Path = [.. newPrefix, .. descendant.Path[oldPrefix..]];
            descendant.UpdatedAt = now;
        }
        return Result.Success;
    }
}
