using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.GraphQL.Loaders;

/// <summary>Reviews by id, one query per batch (the gateway resolves Review references through it).</summary>
public sealed class ReviewByIdLoader(ReviewsDbContext db) : BatchLoader<Guid, Review>
{
    protected override async Task<IReadOnlyDictionary<Guid, Review>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Reviews.AsNoTracking().Where(r => keys.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
}

/// <summary>Rating summaries by subject, one query per batch (a page of products asks for all their summaries at once).</summary>
public sealed class RatingSummaryLoader(ReviewsDbContext db) : BatchLoader<(ReviewSubject Subject, Guid SubjectId), RatingSummary>
{
    protected override async Task<IReadOnlyDictionary<(ReviewSubject Subject, Guid SubjectId), RatingSummary>> FetchAsync(
        IReadOnlyList<(ReviewSubject Subject, Guid SubjectId)> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => k.SubjectId).ToList();
        // One subject kind per batch in practice (a page of products, of shops); mixed batches fetch each kind's ids.
        var kinds = keys.Select(k => k.Subject).Distinct().ToList();
        var found = await db.RatingSummaries.AsNoTracking().Where(s => kinds.Contains(s.Subject) && ids.Contains(s.SubjectId)).ToListAsync(cancellationToken);
        return found.ToDictionary(s => (s.Subject, s.SubjectId));
    }
}

/// <summary>What each review said before its edits, oldest first.</summary>
public sealed class RevisionsByReviewLoader(ReviewsDbContext db) : GroupLoader<Guid, ReviewRevision>
{
    protected override async Task<ILookup<Guid, ReviewRevision>> FetchGroupsAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.ReviewRevisions.AsNoTracking().Where(r => keys.Contains(r.ReviewId)).OrderBy(r => r.Id).ToListAsync(cancellationToken))
        .ToLookup(r => r.ReviewId);
}
