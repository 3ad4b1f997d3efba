namespace GoShop.Search.Domain;

/// <summary>
/// One product page opened, by a signed-in buyer or an anonymous visitor. Feeds recently viewed, trending and, in
/// batches, analytics (<see cref="PublishedAt"/> is set once it left in a ProductViewsRecorded event).
/// </summary>
public sealed class ProductViewRecord
{
    public Guid Id { get; init; }

    public Guid ProductId { get; init; }

    public Guid ShopId { get; init; }

    public Guid? UserId { get; set; }

    public string? VisitorId { get; init; }

    public DateTimeOffset ViewedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A search someone ran (popular searches, click-through); <see cref="UserId"/> is null for a visitor or once the buyer is forgotten.</summary>
public sealed class SearchRecord
{
    public Guid Id { get; init; }

    public Guid? UserId { get; set; }

    public string Query { get; init; } = "";

    /// <summary>The query folded (lower case, no diacritics, single spaces): searches that differ only so count as one.</summary>
    public string Normalized { get; init; } = "";

    public int ResultCount { get; init; }

    public DateTimeOffset SearchedAt { get; init; }
}

/// <summary>A result clicked after a search: which product, at which position, for click-through.</summary>
public sealed class SearchClick
{
    public Guid Id { get; init; }

    public Guid? SearchId { get; init; }

    public Guid? UserId { get; set; }

    public Guid ProductId { get; init; }

    public int Position { get; init; }

    public string? Query { get; init; }

    public DateTimeOffset ClickedAt { get; init; }
}

/// <summary>A signed-in buyer's recent search, once per folded query (the latest wording and time kept); the buyer may delete them.</summary>
public sealed class RecentSearch
{
    public Guid UserId { get; init; }

    public string Normalized { get; init; } = "";

    public string Query { get; set; } = "";

    public DateTimeOffset SearchedAt { get; set; }
}

/// <summary>Two products bought in one order, counted once per order (Product.boughtTogether).</summary>
public sealed class CoPurchase
{
    public Guid ProductId { get; init; }

    public Guid OtherProductId { get; init; }

    public int Orders { get; set; }
}

/// <summary>A product's trend key (see <see cref="Trend"/>): views, cart adds and orders, decayed with a 24-hour half-life.</summary>
public sealed class ProductTrend
{
    public Guid ProductId { get; init; }

    public double Key { get; init; }
}
