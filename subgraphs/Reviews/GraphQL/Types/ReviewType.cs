using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Reviews.Domain;
using GoShop.Reviews.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Federation;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Types;

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Description = "A buyer's review of a product (one order line), a shop (one order) or a delivery's shipper (one shipment). Its title, " +
            "body and reply are plain text exactly as written: display them as text, never as HTML. A held or rejected review is " +
            "visible to its author (and admins) only.";
        this.Key("id");
        this.ResolveReference<EntityKey, Review>((context, key) =>
            context.Loader<ReviewByIdLoader>().Load(key.Id).Then(review => review is not null && ReviewVisibility.CanSee(Viewer.Of(context), review) ? review : null));

        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description(EntityKey.IdDescription("Review"));
        Field<NonNullGraphType<ReviewSubjectType>, ReviewSubject>("subject").Description("What the review rates.").Resolve(context => context.Source.Subject);
        Field(r => r.Rating).Description("Stars, 1 to 5.");
        Field(r => r.Title, nullable: true).Description("A short headline, up to 200 characters, as written (plain text); null when none.");
        Field(r => r.Body, nullable: true).Description("The text, up to 2,000 characters, as written (plain text, line breaks kept; never HTML); null when none.");
        Field(r => r.VerifiedPurchase).Description("True for a product review: written by the buyer of a delivered order line.");
        Field<NonNullGraphType<ReviewStatusType>, ReviewStatus>("status").Description("PUBLISHED, HELD, REJECTED or DELETED.").Resolve(context => context.Source.Status);
        Field<SentimentType, Sentiment?>("sentiment")
            .Description("The tone of its words (POSITIVE, NEUTRAL or NEGATIVE), read by a bilingual lexicon with negation; the stars decide " +
                "where the words say nothing.")
            .Resolve(context => context.Source.Sentiment);
        Field<UserType, EntityReference<UserType>?>("author")
            .Description("Who wrote it; null once they deleted their account (the review stays, anonymous).")
            .Resolve(context => EntityReference.To<UserType>(context.Source.AuthorId));
        Field<NonNullGraphType<ListGraphType<MediaType>>, IEnumerable<EntityReference<MediaType>>>("media")
            .Description("Its photos (up to 6) or video (one), in the order the author gave; a file deleted in media leaves the list. An item is null when media cannot be reached.")
            .Resolve(context => context.Source.MediaIds.Select(EntityReference.To<MediaType>));
        Field<ProductType, EntityReference<ProductType>?>("product")
            .Description("The product reviewed; null for a shop or delivery review.")
            .Resolve(context => EntityReference.To<ProductType>(context.Source.ProductId));
        Field<IdGraphType, Guid?>("variantId").Description("The variant bought, for a product review of a product with variants; null otherwise.")
            .Resolve(context => context.Source.VariantId);
        Field(r => r.VariantTitle, nullable: true).Description("The variant bought as the order named it (e.g. \"Đỏ / XL\"); null when none.");
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop that sold the order (the subject of a shop review). Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<ShipperType, EntityReference<ShipperType>?>("shipper")
            .Description("The shipper rated; null unless this is a delivery review.")
            .Resolve(context => EntityReference.To<ShipperType>(context.Source.ShipperId));
        Field<ReviewReplyType, Review?>("reply")
            .Description("The shop owner's public answer; null until they answer.")
            .Resolve(context => context.Source.ReplyBody is null ? null : context.Source);
        Field(r => r.HelpfulCount).Description("How many users found it helpful (markReviewHelpful).");
        Field(r => r.CreatedAt).Description("When it was posted.");
        Field(r => r.EditedAt, nullable: true).Description("When its author last edited it; null when never.");
        Field<StringGraphType, string?>("moderationNote")
            .Description("Why it is held (LINK, PHONE_NUMBER, BANNED_WORD, REPEATED_TEXT, BURST) or why a moderator rejected it; its author and " +
                "admins only, null for everyone else.")
            .Resolve(context => ReviewVisibility.IsAuthorOrAdmin(Viewer.Of(context), context.Source) ? context.Source.ModerationNote : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewRevisionType>>>, IDataLoaderResult<IReadOnlyList<ReviewRevision>>>("revisions")
            .Description("What it said before each edit, oldest first; its author and admins only (empty for everyone else).")
            .Resolve(context =>
            {
                var allowed = ReviewVisibility.IsAuthorOrAdmin(Viewer.Of(context), context.Source);
                return context.Loader<RevisionsByReviewLoader>().Load(context.Source.Id).Then(r => allowed ? r ?? [] : (IReadOnlyList<ReviewRevision>)[]);
            });
    }
}

/// <summary>Who sees a review: everyone while it is published; otherwise its author and admins only.</summary>
public static class ReviewVisibility
{
    public static bool CanSee(Viewer viewer, Review review) =>
        review.Status == ReviewStatus.Published || (review.Status != ReviewStatus.Deleted && IsAuthorOrAdmin(viewer, review));

    public static bool IsAuthorOrAdmin(Viewer viewer, Review review) =>
        viewer.IsAdmin || (viewer.UserId is { } id && review.AuthorId == id);
}

public sealed class ReviewReplyType : ObjectGraphType<Review>
{
    public ReviewReplyType()
    {
        Name = "ReviewReply";
        Description = "The shop owner's public answer to a review (one per review, editable).";
        Field<NonNullGraphType<StringGraphType>, string>("body").Description("The answer, up to 2,000 characters, plain text as written.")
            .Resolve(context => context.Source.ReplyBody!);
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("createdAt").Description("When it was first written.")
            .Resolve(context => context.Source.RepliedAt!.Value);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("editedAt").Description("When it was last changed; null when never.")
            .Resolve(context => context.Source.ReplyEditedAt);
    }
}

public sealed class ReviewRevisionType : ObjectGraphType<ReviewRevision>
{
    public ReviewRevisionType()
    {
        Name = "ReviewRevision";
        Description = "What a review said before an edit.";
        Field(r => r.Rating).Description("Stars, 1 to 5, then.");
        Field(r => r.Title, nullable: true).Description("The title then.");
        Field(r => r.Body, nullable: true).Description("The body then (plain text).");
        Field<NonNullGraphType<ListGraphType<MediaType>>, IEnumerable<EntityReference<MediaType>>>("media")
            .Description("The photos or video it showed then. An item is null when media cannot be reached.")
            .Resolve(context => context.Source.MediaIds.Select(EntityReference.To<MediaType>));
        Field(r => r.WrittenAt).Description("Since when it said this.");
        Field(r => r.ReplacedAt).Description("When the edit replaced it.");
    }
}

public sealed class RatingSummaryType : ObjectGraphType<RatingSummary>
{
    public RatingSummaryType()
    {
        Name = "RatingSummary";
        Description = "The published ratings of a product, shop or shipper.";
        Field<NonNullGraphType<FloatGraphType>, decimal>("average").Description("Average stars, 1 to 5, to two decimals; 0 when there are none.")
            .Resolve(context => context.Source.Average);
        Field(s => s.Count).Description("How many published reviews.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RatingBucketType>>>, IEnumerable<RatingBucket>>("distribution")
            .Description("How many reviews gave each number of stars: five buckets, 5 stars first.")
            .Resolve(context => context.Source.Distribution.Select((count, index) => new RatingBucket(index + 1, count)).Reverse());
        Field(s => s.WithMediaCount).Description("How many published reviews show photos or a video.");
    }
}

/// <summary>How many reviews gave one number of stars.</summary>
public sealed record RatingBucket(int Stars, int Count);

public sealed class RatingBucketType : ObjectGraphType<RatingBucket>
{
    public RatingBucketType()
    {
        Name = "RatingBucket";
        Description = "How many published reviews gave one number of stars.";
        Field(b => b.Stars).Description("The number of stars, 1 to 5.");
        Field(b => b.Count).Description("How many reviews gave it.");
    }
}
