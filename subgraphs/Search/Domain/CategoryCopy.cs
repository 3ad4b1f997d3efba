namespace GoShop.Search.Domain;

/// <summary>
/// What search keeps of a category that catalog added, renamed or moved (<c>CategoryCreated</c>, <c>CategoryUpdated</c>): its names and path as of the
/// event. Every change stamps the row with its transaction id (a trigger, as on product copies), so each instance's index
/// feed learns the new names before it re-indexes the category's products, touched in the same transaction.
/// </summary>
public sealed class CategoryCopy
{
    public Guid Id { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    /// <summary>The ids from the root down to this category, itself last.</summary>
    public Guid[] Path { get; private set; } = [];

    public DateTimeOffset AsOf { get; private set; }

    public static CategoryCopy Create(Guid id) => new() { Id = id, AsOf = DateTimeOffset.MinValue };

    /// <summary>Takes the category as of <paramref name="asOf"/>; false (and nothing changes) for news older than what it holds.</summary>
    public bool Apply(Guid? parentId, string name, string? nameEn, IReadOnlyList<Guid> path, DateTimeOffset asOf)
    {
        if (asOf < AsOf)
            return false;
        ParentId = parentId;
        Name = name;
        NameEn = nameEn;
        Path = [.. path];
        AsOf = asOf;
        return true;
    }
}
