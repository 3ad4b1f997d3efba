namespace GoShop.Reviews.Domain;

/// <summary>The numbers of the review rules, in one place.</summary>
public static class ReviewRules
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 2000;
    public const int MaxReplyLength = 2000;
    public const int MaxReportReasonLength = 500;
    public const int MaxPhotos = 6;
    public const int MaxVideos = 1;

    /// <summary>How long after delivery an order can be reviewed.</summary>
    public static readonly TimeSpan ReviewWindow = TimeSpan.FromDays(30);

    /// <summary>How long after posting a review can be edited.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromDays(30);
}
