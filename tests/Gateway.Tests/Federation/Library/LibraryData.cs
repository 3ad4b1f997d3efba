namespace GoShop.Gateway.Tests.Federation.Library;

public sealed record BookRecord(string Id, string Title, int Pages, string? Isbn, int? Edition);

public sealed record MovieRecord(string Id, string Title, int Minutes);

public sealed record PodcastRecord(string Id, string Title, string Host);

public sealed record CriticReview(string Id, string Body, string Isbn, int Edition, string BookTitle);

/// <summary>
/// A reference to a Book as <c>_entities</c> receives it: by either key (<c>id</c>, or <c>isbn edition</c>), with
/// the fields another subgraph @requires or @provides.
/// </summary>
public sealed class BookReference
{
    public string? Id { get; set; }

    public string? Isbn { get; set; }

    public int? Edition { get; set; }

    public int? Pages { get; set; }

    public string? Title { get; set; }
}

/// <summary>The library the Federation v2 test subgraphs serve; each subgraph reads only its own part.</summary>
public static class LibraryData
{
    /// <summary>catalog's books: Emma has no ISBN, so critics (keyed by ISBN and edition) is never asked about it.</summary>
    public static IReadOnlyList<BookRecord> Books { get; } =
    [
        new("b1", "Dune", 412, "isbn-1", 1),
        new("b2", "Emma", 300, null, null),
        new("b3", "Ulysses", 730, "isbn-3", 2),
    ];

    public static IReadOnlyList<MovieRecord> Movies { get; } = [new("m1", "Alien", 117)];

    /// <summary>inventory's own media type, which catalog does not know.</summary>
    public static IReadOnlyList<PodcastRecord> Podcasts { get; } = [new("p1", "Lore", "Aaron")];

    /// <summary>inventory's shelf: books by id only, and its podcast.</summary>
    public static IReadOnlyList<object> Shelf { get; } = [new BookReference { Id = "b1" }, Podcasts[0], new BookReference { Id = "b2" }];

    /// <summary>critics keeps the title it was given with each review: what its @provides answers from.</summary>
    public static IReadOnlyList<CriticReview> Reviews { get; } =
    [
        new("r1", "Epic", "isbn-1", 1, "Dune"),
        new("r2", "Dense", "isbn-3", 2, "Ulysses"),
        new("r3", "Brilliant", "isbn-3", 2, "Ulysses"),
    ];

    /// <summary>inventory's rule: what a book costs to ship follows from its page count (owned by catalog).</summary>
    public static int ShippingCost(int pages) => pages / 100 + 1;
}
