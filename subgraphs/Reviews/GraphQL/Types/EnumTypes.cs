using GoShop.Reviews.Domain;
using GoShop.Reviews.Reading;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Types;

public sealed class ReviewStatusType : EnumerationGraphType
{
    public ReviewStatusType()
    {
        Name = "ReviewStatus";
        Description = "Where a review stands.";
        Add("PUBLISHED", ReviewStatus.Published, "Visible to everyone, counted in its summary.");
        Add("HELD", ReviewStatus.Held, "Waiting for a moderator (a link, a phone number, a banned word, a repeated text or a burst of reviews); " +
            "visible to its author only.");
        Add("REJECTED", ReviewStatus.Rejected, "A moderator refused it; visible to its author only.");
        Add("DELETED", ReviewStatus.Deleted, "Its author deleted it.");
    }
}

public sealed class SentimentType : EnumerationGraphType
{
    public SentimentType()
    {
        Name = "Sentiment";
        Description = "The tone of a review's words.";
        Add("POSITIVE", Sentiment.Positive, "Praise outweighs complaint.");
        Add("NEUTRAL", Sentiment.Neutral, "Neither, or both in equal measure.");
        Add("NEGATIVE", Sentiment.Negative, "Complaint outweighs praise.");
    }
}

public sealed class ReviewSubjectType : EnumerationGraphType
{
    public ReviewSubjectType()
    {
        Name = "ReviewSubject";
        Description = "What a review rates.";
        Add("PRODUCT", ReviewSubject.Product, "A product bought on an order line.");
        Add("SHOP", ReviewSubject.Shop, "The shop of an order.");
        Add("SHIPPER", ReviewSubject.Shipper, "The shipper who delivered an order.");
    }
}

public sealed class ReviewSortType : EnumerationGraphType
{
    public ReviewSortType()
    {
        Name = "ReviewSort";
        Description = "The order of a list of reviews; ties go newest first.";
        Add("NEWEST", ReviewSort.Newest, "Newest first.");
        Add("MOST_HELPFUL", ReviewSort.MostHelpful, "Most helpful votes first.");
        Add("HIGHEST", ReviewSort.Highest, "Most stars first.");
        Add("LOWEST", ReviewSort.Lowest, "Fewest stars first.");
    }
}
