using GoShop.Contracts.Reviews;
using GoShop.Reviews.Data;
using GoShop.Reviews.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Reviews.Summaries;

/// <summary>
/// Keeps each subject's <see cref="RatingSummary"/> in step with its reviews: called in the transaction that changes
/// a review, it locks the summary's row, swaps the review's old contribution for its new one and, when the summary
/// changed, publishes <see cref="RatingSummaryChanged"/> through the outbox with the summary's new version.
/// </summary>
public sealed class RatingSummaries(ReviewsDbContext db, TimeProvider clock)
{
    /// <summary>Applies the change of one review, whose contribution was <paramref name="before"/> (null: it counted for nothing).</summary>
    public async Task ApplyAsync(Review review, RatingContribution? before, CancellationToken cancellationToken)
    {
        var after = review.Contribution;
        if (before == after)
            return;
        var summary = await LockAsync(review.Subject, review.SubjectId, cancellationToken);
        if (summary.Replace(before, after))
            db.Publish(Changed(summary, clock.GetUtcNow()));
    }

    /// <summary>The summary of a subject, locked until the transaction ends (created empty the first time).</summary>
    private async Task<RatingSummary> LockAsync(ReviewSubject subject, Guid subjectId, CancellationToken cancellationToken)
    {
        var tracked = db.RatingSummaries.Local.FirstOrDefault(s => s.Subject == subject && s.SubjectId == subjectId);
        if (tracked is not null)
            return tracked;
        // Its row, locked as it is read: one round trip, the usual case.
        var summary = await LockRowAsync(subject, subjectId, cancellationToken);
        if (summary is not null)
            return summary;
        // The first review of a subject: no row to lock yet, so an advisory lock serialises its creation; another
        // transaction may have created it while this one waited.
        await db.LockAsync("rating-summary", $"{subject}:{subjectId:N}", cancellationToken);
        summary = await LockRowAsync(subject, subjectId, cancellationToken);
        if (summary is not null)
            return summary;
        summary = RatingSummary.Empty(subject, subjectId);
        db.RatingSummaries.Add(summary);
        return summary;
    }

    private async Task<RatingSummary?> LockRowAsync(ReviewSubject subject, Guid subjectId, CancellationToken cancellationToken) =>
        (await db.RatingSummaries
            .FromSql($"SELECT * FROM rating_summaries WHERE subject = {subject.ToString()} AND subject_id = {subjectId} FOR UPDATE")
            .ToListAsync(cancellationToken))
        .SingleOrDefault();

    public static RatingSummaryChanged Changed(RatingSummary summary, DateTimeOffset now) =>
        new(SubjectKind(summary.Subject), summary.SubjectId, summary.Average, summary.Count, summary.Distribution, summary.WithMediaCount,
            summary.Version, now);

    public static string SubjectKind(ReviewSubject subject) => subject switch
    {
        ReviewSubject.Product => ReviewSubjects.Product,
        ReviewSubject.Shop => ReviewSubjects.Shop,
        _ => ReviewSubjects.Shipper,
    };
}
