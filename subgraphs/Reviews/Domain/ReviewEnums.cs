namespace GoShop.Reviews.Domain;

/// <summary>What a review rates: a product bought on an order line, the shop of an order, or the shipper of a delivery.</summary>
public enum ReviewSubject
{
    Product,
    Shop,
    Shipper,
}

/// <summary>
/// Where a review stands: PUBLISHED (everyone sees it and it counts in its summary), HELD (waiting for a moderator; its
/// author alone sees it), REJECTED (a moderator refused it; its author alone sees it), DELETED (its author removed it).
/// </summary>
public enum ReviewStatus
{
    Published,
    Held,
    Rejected,
    Deleted,
}

/// <summary>The tone of a review's words, from <see cref="Sentiments.SentimentLexicon"/>.</summary>
public enum Sentiment
{
    Positive,
    Neutral,
    Negative,
}
