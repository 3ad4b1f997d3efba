namespace GoShop.Contracts.Demo;

/// <summary>
/// Demo product images <c>make up</c> seeds (development only): media renders them once at these fixed ids, catalog
/// attaches them to demo products by category.
/// </summary>
public static class DemoMedia
{
    /// <summary>One demo picture per top-level category slug, with the caption drawn on it and its colour.</summary>
    public static readonly IReadOnlyList<DemoImage> Images =
    [
        new(Id(1), "electronics", "Electronics", "#1E88E5"),
        new(Id(2), "fashion", "Fashion", "#D81B60"),
        new(Id(3), "home", "Home & Living", "#43A047"),
        new(Id(4), "beauty", "Beauty", "#8E24AA"),
        new(Id(5), "food", "Food & Drinks", "#F4511E"),
        new(Id(6), "sports", "Sports", "#00897B"),
        new(Id(7), "books", "Books", "#6D4C41"),
        new(Id(8), "toys", "Toys & Kids", "#FDD835"),
    ];

    public static Guid ForCategory(string topLevelSlug) =>
        Images.FirstOrDefault(i => i.CategorySlug == topLevelSlug)?.Id ?? Images[0].Id;

    private static Guid Id(int n) => Guid.Parse($"01900000-0000-7000-8000-0000000002{n:D2}");
}

public sealed record DemoImage(Guid Id, string CategorySlug, string Caption, string Color);
