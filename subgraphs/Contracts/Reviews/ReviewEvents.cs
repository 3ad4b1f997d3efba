namespace GoShop.Contracts.Reviews;

/// <summary>What a review rates: a product (one order line), a shop (one order) or a delivery (one shipment's shipper).</summary>
public static class ReviewSubjects
{
    public const string Product = "PRODUCT";
    public const string Shop = "SHOP";
    public const string Shipper = "SHIPPER";
}

/// <summary>
/// The published ratings of one subject after a review was published, edited, held, rejected or deleted.
/// <see cref="SubjectKind"/> is one of <see cref="ReviewSubjects"/>; <see cref="Distribution"/> holds the counts of
/// 1 to 5 stars, in that order (five numbers). <see cref="Average"/> is 0 when <see cref="Count"/> is 0. Catalog
/// (Product.ratingAverage), shops (the shop's rating), shipping (Shipper.rating) and search keep it; each keeps the
/// newest by <see cref="Version"/>, so a late redelivery never brings an old summary back.
/// </summary>
public sealed record RatingSummaryChanged(
    string SubjectKind,
    Guid SubjectId,
    decimal Average,
    int Count,
    IReadOnlyList<int> Distribution,
    int WithMediaCount,
    long Version,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A buyer's review was published (at once, or after moderation approved it). <see cref="ProductId"/> is set for a
/// product review, <see cref="ShipperId"/> for a delivery review; <see cref="ShopId"/> is always the shop of the order.
/// </summary>
public sealed record ReviewPosted(
    Guid ReviewId,
    string SubjectKind,
    Guid OrderId,
    Guid AuthorId,
    Guid ShopId,
    Guid? ProductId,
    Guid? ShipperId,
    int Rating,
    string? Title,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The shop's owner answered a review (or edited the answer); <see cref="ReviewAuthorId"/> is who to tell.</summary>
public sealed record ReviewReplied(
    Guid ReviewId,
    string SubjectKind,
    Guid ReviewAuthorId,
    Guid ShopId,
    Guid? ProductId,
    string ReplyBody,
    bool Edited,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
