using System.Globalization;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Reading;

/// <summary>How a list of reviews is ordered; every order ends with the newest first, so pages are stable.</summary>
public enum ReviewSort
{
    Newest,
    MostHelpful,
    Highest,
    Lowest,
}

/// <summary>What a list of reviews keeps: some stars only, with photos or a video only, verified purchases only, one tone.</summary>
public sealed record ReviewFilter(IReadOnlyList<int>? Stars, bool WithMediaOnly, bool VerifiedOnly, Sentiment? Sentiment);

/// <summary>
/// The paged lists of reviews (a subject's published ones, an author's own, the moderation queue), keyset-paged on the
/// sort's value then the id: the cursor holds both, so a page is as fast deep in the list as at its start.
/// </summary>
public sealed class ReviewLists(ReviewsDbContext db)
{
    public Task<Connection<Review>> OfSubjectAsync(ReviewSubject subject, Guid subjectId, ReviewFilter filter, ReviewSort sort, PageRequest page,
        CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.Subject == subject && r.SubjectId == subjectId && r.Status == ReviewStatus.Published);
        if (filter.Stars is { Count: > 0 } stars)
        {
            if (stars.Any(s => s is < ReviewRules.MinRating or > ReviewRules.MaxRating))
                throw GraphQLErrors.BadUserInput("'stars' are 1 to 5.");
            reviews = reviews.Where(r => stars.Contains(r.Rating));
        }
        if (filter.WithMediaOnly)
            reviews = reviews.Where(r => r.HasMedia);
        if (filter.VerifiedOnly)
            reviews = reviews.Where(r => r.Subject == ReviewSubject.Product);
        if (filter.Sentiment is { } sentiment)
            reviews = reviews.Where(r => r.Sentiment == sentiment);
        return PageAsync(reviews, sort, page, cancellationToken);
    }

    /// <summary>The author's reviews in every status but deleted, newest first.</summary>
    public Task<Connection<Review>> OfAuthorAsync(Guid authorId, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync(db.Reviews.AsNoTracking().Where(r => r.AuthorId == authorId && r.Status != ReviewStatus.Deleted), ReviewSort.Newest, page,
            cancellationToken);

    /// <summary>What waits for a moderator: held reviews and published ones someone reported, oldest first.</summary>
    public async Task<Connection<Review>> PendingModerationAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var pending = db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Held || (r.Status == ReviewStatus.Published && r.ReportCount > 0));
        return await pending.ToConnectionByIdAsync(r => r.Id, page, newestFirst: false, cancellationToken);
    }

    private static async Task<Connection<Review>> PageAsync(IQueryable<Review> reviews, ReviewSort sort, PageRequest page, CancellationToken cancellationToken)
    {
        var all = reviews;
        if (page.After is { } after)
            reviews = After(reviews, sort, after);
        var ordered = sort switch
        {
            ReviewSort.MostHelpful => reviews.OrderByDescending(r => r.HelpfulCount).ThenByDescending(r => r.Id),
            ReviewSort.Highest => reviews.OrderByDescending(r => r.Rating).ThenByDescending(r => r.Id),
            ReviewSort.Lowest => reviews.OrderBy(r => r.Rating).ThenByDescending(r => r.Id),
            _ => reviews.OrderByDescending(r => r.Id),
        };
        var rows = await ordered.Take(page.First + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > page.First;
        if (hasNext)
            rows.RemoveAt(rows.Count - 1);
        var edges = rows.Select(r => new Edge<Review>(CursorOf(r, sort), r)).ToList();
        return new Connection<Review>(edges, new PageInfo(hasNext, page.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            ct => all.CountAsync(ct));
    }

    private static string CursorOf(Review review, ReviewSort sort) => sort switch
    {
        ReviewSort.MostHelpful => Cursor.Encode(review.HelpfulCount.ToString(CultureInfo.InvariantCulture), review.Id.ToString("N")),
        ReviewSort.Highest or ReviewSort.Lowest => Cursor.Encode(review.Rating.ToString(CultureInfo.InvariantCulture), review.Id.ToString("N")),
        _ => Cursor.Encode("", review.Id.ToString("N")),
    };

    private static IQueryable<Review> After(IQueryable<Review> reviews, ReviewSort sort, string cursor)
    {
        var parts = Cursor.Decode(cursor, 2);
        if (!Guid.TryParseExact(parts[1], "N", out var id))
            throw GraphQLErrors.BadUserInput("The cursor is not one this API issued.");
        if (sort == ReviewSort.Newest)
            return reviews.Where(r => r.Id.CompareTo(id) < 0);
        if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw GraphQLErrors.BadUserInput("The cursor was issued for another sort.");
        return sort switch
        {
            ReviewSort.MostHelpful => reviews.Where(r => r.HelpfulCount < value || (r.HelpfulCount == value && r.Id.CompareTo(id) < 0)),
            ReviewSort.Highest => reviews.Where(r => r.Rating < value || (r.Rating == value && r.Id.CompareTo(id) < 0)),
            _ => reviews.Where(r => r.Rating > value || (r.Rating == value && r.Id.CompareTo(id) < 0)),
        };
    }
}
