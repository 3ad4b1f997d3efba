using GoShop.BuildingBlocks.Data;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Reviews;
using GoShop.Reviews.Data;
using GoShop.Reviews.Data.Configurations;
using GoShop.Reviews.Domain;
using GoShop.Reviews.Moderation;
using GoShop.Reviews.Sentiments;
using GoShop.Reviews.Summaries;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Writing;

/// <summary>
/// Every change to a review, each in one transaction with its summary's update, its outbox messages (ReviewPosted,
/// ReviewReplied, RatingSummaryChanged) and its live announcement. Eligibility is read from the purchases and
/// deliveries ordering's and shipping's events recorded, never asked of them now.
/// </summary>
public sealed class ReviewWriting(
    ReviewsDbContext db,
    ReviewMedia media,
    ReviewScreening screening,
    RatingSummaries summaries,
    TimeProvider clock)
{
    public async Task<Result<Review>> CreateProductReviewAsync(Guid authorId, Guid orderId, Guid productId, Guid? variantId, ReviewContent content,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The order and whether the product was deleted since, in one round trip.
        var found = await db.Purchases.AsNoTracking().Where(p => p.OrderId == orderId && p.BuyerId == authorId)
            .Select(p => new { Purchase = p, ProductDeleted = db.DeletedProducts.Any(d => d.ProductId == productId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return ReviewErrors.NotDelivered;
        var purchase = found.Purchase;
        var lines = purchase.Lines.Where(l => l.ProductId == productId && (variantId is null || l.VariantId == variantId)).ToList();
        if (lines.Count == 0)
            return ReviewErrors.ProductNotOnOrder;
        if (lines.Count > 1)
            return ReviewErrors.VariantRequired;
        var line = lines[0];
        if (line.Returned)
            return ReviewErrors.LineReturned;
        if (!purchase.IsOpenAt(now))
            return ReviewErrors.WindowClosed;
        if (found.ProductDeleted)
            return new DomainError("PRODUCT_DELETED", "This product was removed from the shop: it can no longer be reviewed.", "productId");
        return await CreateAsync(Review.OfProduct(purchase, line, authorId, content, now), cancellationToken);
    }

    public async Task<Result<Review>> CreateShopReviewAsync(Guid authorId, Guid orderId, ReviewContent content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var purchase = await db.Purchases.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == orderId && p.BuyerId == authorId, cancellationToken);
        if (purchase is null)
            return ReviewErrors.NotDelivered;
        if (!purchase.IsOpenAt(now))
            return ReviewErrors.WindowClosed;
        return await CreateAsync(Review.OfShop(purchase, authorId, content, now), cancellationToken);
    }

    public async Task<Result<Review>> CreateDeliveryReviewAsync(Guid authorId, Guid orderId, ReviewContent content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delivery = await db.Deliveries.AsNoTracking()
            .Where(d => d.OrderId == orderId && d.BuyerId == authorId).OrderByDescending(d => d.DeliveredAt).FirstOrDefaultAsync(cancellationToken);
        if (delivery is null)
            return ReviewErrors.NoDelivery;
        if (!delivery.IsOpenAt(now))
            return ReviewErrors.WindowClosed;
        // The shop's owner replies to delivery reviews too; the order told who that is, when it was delivered.
        var sellerId = await db.Purchases.Where(p => p.OrderId == orderId).Select(p => (Guid?)p.SellerId).SingleOrDefaultAsync(cancellationToken);
        return await CreateAsync(Review.OfDelivery(delivery, sellerId ?? Guid.Empty, authorId, content, now), cancellationToken);
    }

    /// <summary>
    /// Writes a new review. A second review of what was already reviewed is refused by the unique key when it is
    /// inserted (ALREADY_REVIEWED), however many are sent at once: nothing asks beforehand.
    /// </summary>
    private async Task<Result<Review>> CreateAsync(Review review, CancellationToken cancellationToken)
    {
        if (await media.ProblemAsync(review.MediaIds, cancellationToken) is { } mediaProblem)
            return mediaProblem;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var holdReason = await screening.HoldReasonAsync(review.AuthorId!.Value, null, review.Title, review.Body, cancellationToken);
            var firstPublication = review.Screened(holdReason, SentimentLexicon.Classify(review.Title, review.Body, review.Rating), clock.GetUtcNow());
            db.Reviews.Add(review);
            await summaries.ApplyAsync(review, null, cancellationToken);
            if (firstPublication)
                Announce(review);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return review;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(ReviewConfiguration.UniqueKeyIndex))
        {
            db.ChangeTracker.Clear();
            return ReviewErrors.AlreadyReviewed;
        }
    }

    public async Task<Result<Review>> EditAsync(Guid authorId, Guid reviewId, ReviewContent content, CancellationToken cancellationToken)
    {
        if (await media.ProblemAsync(content.MediaIds, cancellationToken) is { } mediaProblem)
            return mediaProblem;
        return await ChangeCountedAsync(reviewId, authorId, async review =>
        {
            var edited = review.Edit(authorId, content, clock.GetUtcNow());
            if (!edited.Succeeded)
                return edited.Error;
            db.ReviewRevisions.Add(edited.Value);
            var holdReason = await screening.HoldReasonAsync(authorId, review.Id, review.Title, review.Body, cancellationToken);
            if (review.Screened(holdReason, SentimentLexicon.Classify(review.Title, review.Body, review.Rating), clock.GetUtcNow()))
                Announce(review);
            return null;
        }, cancellationToken);
    }

    public Task<Result<Review>> DeleteAsync(Guid authorId, Guid reviewId, CancellationToken cancellationToken) =>
        ChangeCountedAsync(reviewId, authorId, review => Task.FromResult(review.Delete(authorId, clock.GetUtcNow()).Error), cancellationToken);

    public Task<Result<Review>> ReplyAsync(Guid sellerId, Guid reviewId, string body, CancellationToken cancellationToken) =>
        ChangeAsync(reviewId, review =>
        {
            if (review.Status != ReviewStatus.Published && review.SellerId != sellerId)
                return Task.FromResult<DomainError?>(ReviewErrors.NotFound);
            var now = clock.GetUtcNow();
            var replied = review.Reply(sellerId, body, now);
            if (!replied.Succeeded)
                return Task.FromResult<DomainError?>(replied.Error);
            if (review.AuthorId is { } authorId)
            {
                db.Publish(new ReviewReplied(review.Id, RatingSummaries.SubjectKind(review.Subject), authorId, review.ShopId, review.ProductId, body,
                    replied.Value, now));
            }
            return Task.FromResult<DomainError?>(null);
        }, cancellationToken);

    public Task<Result<Review>> MarkHelpfulAsync(Guid voterId, Guid reviewId, CancellationToken cancellationToken) =>
        ChangeAsync(reviewId, async review =>
        {
            if (!CanSee(review, voterId))
                return ReviewErrors.NotFound;
            var allowed = review.CanBeVotedBy(voterId);
            if (!allowed.Succeeded)
                return allowed.Error;
            if (await db.HelpfulVotes.AnyAsync(v => v.ReviewId == reviewId && v.VoterId == voterId, cancellationToken))
                return ReviewErrors.AlreadyVoted;
            db.HelpfulVotes.Add(new HelpfulVote(reviewId, voterId, clock.GetUtcNow()));
            review.CountHelpfulVote();
            return null;
        }, cancellationToken);

    public Task<Result<Review>> ReportAsync(Guid reporterId, Guid reviewId, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(reviewId, async review =>
        {
            if (!CanSee(review, reporterId))
                return ReviewErrors.NotFound;
            if (await db.ReviewReports.AnyAsync(r => r.ReviewId == reviewId && r.ReporterId == reporterId, cancellationToken))
                return ReviewErrors.AlreadyReported;
            var counted = review.CountReport();
            if (!counted.Succeeded)
                return counted.Error;
            db.ReviewReports.Add(new ReviewReport(Guid.CreateVersion7(), reviewId, reporterId, reason, clock.GetUtcNow()));
            return null;
        }, cancellationToken);

    public Task<Result<Review>> ApproveAsync(Guid reviewId, CancellationToken cancellationToken) =>
        ChangeCountedAsync(reviewId, null, review =>
        {
            var approved = review.Approve(clock.GetUtcNow());
            if (!approved.Succeeded)
                return Task.FromResult<DomainError?>(approved.Error);
            if (approved.Value)
                Announce(review);
            return Task.FromResult<DomainError?>(null);
        }, cancellationToken);

    public Task<Result<Review>> RejectAsync(Guid reviewId, string reason, CancellationToken cancellationToken) =>
        ChangeCountedAsync(reviewId, null, review => Task.FromResult(review.Reject(reason, clock.GetUtcNow()).Error), cancellationToken);

    /// <summary>
    /// Changes a review under its row lock, in one transaction with what the change adds (revisions, votes, reports,
    /// outbox messages): a change that answers an error writes nothing. An unknown review is NOT_FOUND.
    /// </summary>
    private async Task<Result<Review>> ChangeAsync(Guid reviewId, Func<Review, Task<DomainError?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.LockReviewAsync(reviewId, cancellationToken);
        if (review is null)
            return ReviewErrors.NotFound;
        if (await change(review) is { } refused)
            return refused;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return review;
    }

    /// <summary>
    /// <see cref="ChangeAsync"/> for a change that may move the review in or out of its summary (edit, deletion,
    /// moderation): the summary follows in the same transaction. With <paramref name="viewerId"/>, a review that person
    /// may not see is NOT_FOUND.
    /// </summary>
    private Task<Result<Review>> ChangeCountedAsync(Guid reviewId, Guid? viewerId, Func<Review, Task<DomainError?>> change,
        CancellationToken cancellationToken) =>
        ChangeAsync(reviewId, async review =>
        {
            if (viewerId is { } viewer && !CanSee(review, viewer))
                return ReviewErrors.NotFound;
            var before = review.Contribution;
            if (await change(review) is { } refused)
                return refused;
            await summaries.ApplyAsync(review, before, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>A held, rejected or deleted review is nobody's business but its author's: to others it does not exist.</summary>
    private static bool CanSee(Review review, Guid userId) => review.Status == ReviewStatus.Published || review.AuthorId == userId;

    /// <summary>The review was published for the first time: notifications hears of it, an open product page sees it.</summary>
    private void Announce(Review review)
    {
        db.Publish(new ReviewPosted(review.Id, RatingSummaries.SubjectKind(review.Subject), review.OrderId, review.AuthorId ?? Guid.Empty, review.ShopId,
            review.ProductId, review.ShipperId, review.Rating, review.Title, review.PublishedAt ?? clock.GetUtcNow()));
        if (review.ProductId is { } productId)
            db.AnnounceLive(ReviewTopics.Added(productId), new ReviewAddedMessage(review.Id, productId));
    }
}

/// <summary>The live topics of reviews.</summary>
public static class ReviewTopics
{
    public static string Added(Guid productId) => $"reviews:product:{productId:N}:added";
}

/// <summary>A review of a product was published (what reviewAdded pushes, resolved to the review).</summary>
public sealed record ReviewAddedMessage(Guid ReviewId, Guid ProductId);
