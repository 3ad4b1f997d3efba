using GoShop.BuildingBlocks.Domain;

namespace GoShop.Reviews.Domain;

/// <summary>
/// A buyer's review of a product (one order line), a shop (one order) or a shipper (one delivery). Its text is kept
/// exactly as written (plain text: never HTML). Only a <see cref="ReviewStatus.Published"/> review counts in its
/// subject's summary (<see cref="Contribution"/>); every change of what it contributes goes through
/// <see cref="Summaries.RatingSummaries"/> in the same transaction.
/// </summary>
public sealed class Review
{
    private Review()
    {
    }

    private Review(Guid id, ReviewSubject subject, Guid subjectId, string uniqueKey, Guid orderId, Guid shopId, Guid sellerId, Guid authorId,
        ReviewContent content, DateTimeOffset now)
    {
        Id = id;
        Subject = subject;
        SubjectId = subjectId;
        UniqueKey = uniqueKey;
        OrderId = orderId;
        ShopId = shopId;
        SellerId = sellerId;
        AuthorId = authorId;
        CreatedAt = now;
        UpdatedAt = now;
        Apply(content);
    }

    public Guid Id { get; private set; }

    public ReviewSubject Subject { get; private set; }

    /// <summary>The product, shop or shipper rated.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>What may be reviewed once (an order line, an order, a shipment): a unique index makes concurrent duplicates fail.</summary>
    public string UniqueKey { get; private set; } = "";

    public Guid OrderId { get; private set; }

    public Guid ShopId { get; private set; }

    /// <summary>The shop's owner: the one person who may reply.</summary>
    public Guid SellerId { get; private set; }

    public Guid? ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public string? VariantTitle { get; private set; }

    public Guid? ShipmentId { get; private set; }

    public Guid? ShipperId { get; private set; }

    /// <summary>Null once the author deleted their account: the review stays, anonymous.</summary>
    public Guid? AuthorId { get; private set; }

    public int Rating { get; private set; }

    /// <summary>The body without case, diacritics or punctuation, hashed: how a text posted again and again is recognised.</summary>
    public string? BodyFingerprint { get; private set; }

    public string? Title { get; private set; }

    public string? Body { get; private set; }

    /// <summary>Photos (up to 6) or one video, uploaded to media by the author, in the order given.</summary>
    public List<Guid> MediaIds { get; private set; } = [];

    public ReviewStatus Status { get; private set; }

    /// <summary>Why the review is held or was rejected.</summary>
    public string? ModerationNote { get; private set; }

    public Sentiment Sentiment { get; private set; }

    public int HelpfulCount { get; private set; }

    public int ReportCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public string? ReplyBody { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    public DateTimeOffset? ReplyEditedAt { get; private set; }

    /// <summary>Every product review comes from a delivered order line, so it is a verified purchase.</summary>
    public bool VerifiedPurchase => Subject == ReviewSubject.Product;

    /// <summary>Whether any photo or video is attached (kept as a column, for the "with media" filter).</summary>
    public bool HasMedia { get; private set; }

    /// <summary>What the review adds to its subject's summary now: nothing unless it is published.</summary>
    public RatingContribution? Contribution => Status == ReviewStatus.Published ? new RatingContribution(Rating, HasMedia) : null;

    public static Review OfProduct(Purchase purchase, PurchaseLine line, Guid authorId, ReviewContent content, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), ReviewSubject.Product, line.ProductId,
            ProductKey(purchase.OrderId, line.ProductId, line.VariantId),
            purchase.OrderId, purchase.ShopId, purchase.SellerId, authorId, content, now)
        {
            ProductId = line.ProductId,
            VariantId = line.VariantId,
            VariantTitle = line.VariantTitle,
        };

    public static Review OfShop(Purchase purchase, Guid authorId, ReviewContent content, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), ReviewSubject.Shop, purchase.ShopId, ShopKey(purchase.OrderId),
            purchase.OrderId, purchase.ShopId, purchase.SellerId, authorId, content, now);

    public static Review OfDelivery(Delivery delivery, Guid sellerId, Guid authorId, ReviewContent content, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), ReviewSubject.Shipper, delivery.ShipperId, ShipperKey(delivery.ShipmentId),
            delivery.OrderId, delivery.ShopId, sellerId, authorId, content, now)
        {
            ShipmentId = delivery.ShipmentId,
            ShipperId = delivery.ShipperId,
        };

    /// <summary>What may be reviewed once: an order's line (product and variant), an order's shop, a shipment's shipper.</summary>
    public static string ProductKey(Guid orderId, Guid productId, Guid? variantId) =>
        $"PRODUCT:{orderId:N}:{productId:N}:{variantId?.ToString("N") ?? "-"}";

    public static string ShopKey(Guid orderId) => $"SHOP:{orderId:N}";

    public static string ShipperKey(Guid shipmentId) => $"SHIPPER:{shipmentId:N}";

    /// <summary>When it was first published; null while it never was.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>
    /// Publishes, or holds for a moderator with the reason the screening gave; true when this is its first publication
    /// (ReviewPosted is due). A rejected review stays rejected whatever it now says.
    /// </summary>
    public bool Screened(string? holdReason, Sentiment sentiment, DateTimeOffset now)
    {
        Sentiment = sentiment;
        if (Status is ReviewStatus.Rejected or ReviewStatus.Deleted)
            return false;
        Status = holdReason is null ? ReviewStatus.Published : ReviewStatus.Held;
        ModerationNote = holdReason;
        return Status == ReviewStatus.Published && MarkPublished(now);
    }

    private bool MarkPublished(DateTimeOffset now)
    {
        if (PublishedAt is not null)
            return false;
        PublishedAt = now;
        return true;
    }

    /// <summary>The author changes the review within 30 days of posting; what it said before is kept as a revision.</summary>
    public Result<ReviewRevision> Edit(Guid actorId, ReviewContent content, DateTimeOffset now)
    {
        if (Status == ReviewStatus.Deleted)
            return ReviewErrors.Deleted;
        if (AuthorId != actorId)
            return ReviewErrors.NotYours;
        if (now > CreatedAt + ReviewRules.EditWindow)
            return ReviewErrors.EditWindowClosed;
        var before = new ReviewRevision(Guid.CreateVersion7(now), Id, Rating, Title, Body, [.. MediaIds], EditedAt ?? CreatedAt, now);
        Apply(content);
        EditedAt = now;
        UpdatedAt = now;
        return before;
    }

    public Result Delete(Guid actorId, DateTimeOffset now)
    {
        if (Status == ReviewStatus.Deleted)
            return ReviewErrors.Deleted;
        if (AuthorId != actorId)
            return ReviewErrors.NotYours;
        Status = ReviewStatus.Deleted;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>The shop's owner answers (again: the answer is replaced); true when it replaced an earlier answer.</summary>
    public Result<bool> Reply(Guid actorId, string body, DateTimeOffset now)
    {
        if (actorId != SellerId)
            return ReviewErrors.NotTheSeller;
        if (Status != ReviewStatus.Published)
            return ReviewErrors.NotPublished;
        var edited = ReplyBody is not null;
        ReplyBody = body;
        if (edited)
            ReplyEditedAt = now;
        else
            RepliedAt = now;
        UpdatedAt = now;
        return edited;
    }

    public Result CanBeVotedBy(Guid voterId)
    {
        if (Status != ReviewStatus.Published)
            return ReviewErrors.NotPublished;
        if (AuthorId == voterId)
            return ReviewErrors.OwnReview;
        return Result.Success;
    }

    public void CountHelpfulVote() => HelpfulCount++;

    public Result CountReport()
    {
        if (Status != ReviewStatus.Published)
            return ReviewErrors.NotPublished;
        ReportCount++;
        return Result.Success;
    }

    /// <summary>A moderator publishes a held review; true when this is its first publication (ReviewPosted is due).</summary>
    public Result<bool> Approve(DateTimeOffset now)
    {
        if (Status != ReviewStatus.Held)
            return ReviewErrors.NotHeld;
        Status = ReviewStatus.Published;
        ModerationNote = null;
        UpdatedAt = now;
        return MarkPublished(now);
    }

    /// <summary>A moderator refuses a held review, or takes down a published one that was reported.</summary>
    public Result Reject(string reason, DateTimeOffset now)
    {
        if (Status is not (ReviewStatus.Held or ReviewStatus.Published))
            return ReviewErrors.NotHeld;
        Status = ReviewStatus.Rejected;
        ModerationNote = reason;
        UpdatedAt = now;
        return Result.Success;
    }

    /// <summary>A photo or video was deleted in media: it leaves the review.</summary>
    public bool LetGoOfMedia(Guid mediaId, DateTimeOffset now)
    {
        if (!MediaIds.Contains(mediaId))
            return false;
        MediaIds = MediaIds.Where(id => id != mediaId).ToList();
        HasMedia = MediaIds.Count > 0;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// A delivery review written before ordering's OrderDelivered told who owns the shop learns it now (until then
    /// nobody could reply to it).
    /// </summary>
    public void LearnSeller(Guid sellerId)
    {
        if (SellerId == Guid.Empty)
            SellerId = sellerId;
    }

    public void AnonymiseAuthor(DateTimeOffset now)
    {
        AuthorId = null;
        UpdatedAt = now;
    }

    private void Apply(ReviewContent content)
    {
        Rating = content.Rating;
        Title = content.Title;
        Body = content.Body;
        BodyFingerprint = ReviewText.Fingerprint(content.Body);
        MediaIds = [.. content.MediaIds];
        HasMedia = MediaIds.Count > 0;
    }
}

/// <summary>What the author writes: checked by the mutations before it reaches a review.</summary>
public sealed record ReviewContent(int Rating, string? Title, string? Body, IReadOnlyList<Guid> MediaIds);

/// <summary>What one published review adds to its subject's summary.</summary>
public sealed record RatingContribution(int Rating, bool WithMedia);

/// <summary>What a review said before an edit, and from when to when it said it.</summary>
public sealed class ReviewRevision
{
    private ReviewRevision()
    {
    }

    public ReviewRevision(Guid id, Guid reviewId, int rating, string? title, string? body, List<Guid> mediaIds, DateTimeOffset writtenAt,
        DateTimeOffset replacedAt)
    {
        Id = id;
        ReviewId = reviewId;
        Rating = rating;
        Title = title;
        Body = body;
        MediaIds = mediaIds;
        WrittenAt = writtenAt;
        ReplacedAt = replacedAt;
    }

    public Guid Id { get; private set; }

    public Guid ReviewId { get; private set; }

    public int Rating { get; private set; }

    public string? Title { get; private set; }

    public string? Body { get; private set; }

    public List<Guid> MediaIds { get; private set; } = [];

    public DateTimeOffset WrittenAt { get; private set; }

    public DateTimeOffset ReplacedAt { get; private set; }
}

/// <summary>One user found one review helpful (once per user per review).</summary>
public sealed record HelpfulVote(Guid ReviewId, Guid VoterId, DateTimeOffset VotedAt);

/// <summary>A user reported a review to the moderators (once per user per review).</summary>
public sealed record ReviewReport(Guid Id, Guid ReviewId, Guid ReporterId, string Reason, DateTimeOffset ReportedAt);
