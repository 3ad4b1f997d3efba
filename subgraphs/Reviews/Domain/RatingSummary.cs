namespace GoShop.Reviews.Domain;

/// <summary>
/// The published ratings of one product, shop or shipper, kept by adding and removing contributions as reviews
/// change (never by recounting), with a <see cref="Version"/> that grows with every change so consumers keep the newest.
/// </summary>
public sealed class RatingSummary
{
    private RatingSummary()
    {
    }

    public RatingSummary(ReviewSubject subject, Guid subjectId)
    {
        Subject = subject;
        SubjectId = subjectId;
    }

    public ReviewSubject Subject { get; private set; }

    public Guid SubjectId { get; private set; }

    public int Count { get; private set; }

    /// <summary>The sum of the stars, so the average never drifts through rounding.</summary>
    public long StarTotal { get; private set; }

    public int OneStar { get; private set; }

    public int TwoStars { get; private set; }

    public int ThreeStars { get; private set; }

    public int FourStars { get; private set; }

    public int FiveStars { get; private set; }

    public int WithMediaCount { get; private set; }

    public long Version { get; private set; }

    /// <summary>The average of the stars, to two decimals; 0 when there are none.</summary>
    public decimal Average => Count == 0 ? 0 : Math.Round((decimal)StarTotal / Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The counts of 1 to 5 stars, in that order.</summary>
    public IReadOnlyList<int> Distribution => [OneStar, TwoStars, ThreeStars, FourStars, FiveStars];

    public static RatingSummary Empty(ReviewSubject subject, Guid subjectId) => new(subject, subjectId);

    /// <summary>Replaces what a review contributed (<paramref name="before"/>) by what it contributes now; false when nothing changed.</summary>
    public bool Replace(RatingContribution? before, RatingContribution? after)
    {
        if (before == after)
            return false;
        if (before is not null)
            Add(before, -1);
        if (after is not null)
            Add(after, +1);
        Version++;
        return true;
    }

    private void Add(RatingContribution contribution, int sign)
    {
        Count += sign;
        StarTotal += sign * contribution.Rating;
        if (contribution.WithMedia)
            WithMediaCount += sign;
        switch (contribution.Rating)
        {
            case 1: OneStar += sign; break;
            case 2: TwoStars += sign; break;
            case 3: ThreeStars += sign; break;
            case 4: FourStars += sign; break;
            case 5: FiveStars += sign; break;
            default: throw new ArgumentOutOfRangeException(nameof(contribution), contribution.Rating, "A rating is 1 to 5 stars.");
        }
    }
}
