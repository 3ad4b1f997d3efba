namespace GoShop.Reviews.Tests.Support;

/// <summary>The GraphQL documents the tests send.</summary>
public static class Operations
{
    public const string ReviewFields = """
        id subject rating title body verifiedPurchase status sentiment author { id } media { id } product { id } variantId variantTitle
        shop { id } shipper { id } reply { body createdAt editedAt } helpfulCount createdAt editedAt moderationNote
        revisions { rating title body media { id } writtenAt replacedAt }
        """;

    public const string Errors = "userErrors { code field message }";

    public const string CreateProductReview = $$"""
        mutation($input: CreateProductReviewInput!) { createProductReview(input: $input) { review { {{ReviewFields}} } {{Errors}} } }
        """;

    public const string CreateShopReview = $$"""
        mutation($input: CreateShopReviewInput!) { createShopReview(input: $input) { review { {{ReviewFields}} } {{Errors}} } }
        """;

    public const string CreateDeliveryReview = $$"""
        mutation($input: CreateDeliveryReviewInput!) { createDeliveryReview(input: $input) { review { {{ReviewFields}} } {{Errors}} } }
        """;

    public const string EditReview = $$"""
        mutation($input: EditReviewInput!) { editReview(input: $input) { review { {{ReviewFields}} } {{Errors}} } }
        """;

    public const string DeleteReview = $$"""
        mutation($input: ReviewIdInput!) { deleteReview(input: $input) { review { id status } {{Errors}} } }
        """;

    public const string ReplyToReview = $$"""
        mutation($input: ReplyToReviewInput!) { replyToReview(input: $input) { review { {{ReviewFields}} } {{Errors}} } }
        """;

    public const string MarkReviewHelpful = $$"""
        mutation($input: ReviewIdInput!) { markReviewHelpful(input: $input) { review { id helpfulCount } {{Errors}} } }
        """;

    public const string ReportReview = $$"""
        mutation($input: ReportReviewInput!) { reportReview(input: $input) { review { id status } {{Errors}} } }
        """;

    public const string ApproveReview = $$"""
        mutation($input: ReviewIdInput!) { approveReview(input: $input) { review { id status } {{Errors}} } }
        """;

    public const string RejectReview = $$"""
        mutation($input: RejectReviewInput!) { rejectReview(input: $input) { review { id status moderationNote } {{Errors}} } }
        """;

    public const string Review = $$"""
        query($id: ID!) { review(id: $id) { {{ReviewFields}} } }
        """;

    public const string MyReviews = """
        query($first: Int, $after: String) { myReviews(first: $first, after: $after) { totalCount edges { cursor node { id status moderationNote } } pageInfo { hasNextPage endCursor } } }
        """;

    public const string ReviewsToWrite = """
        query { reviewsToWrite { subject order { id } orderNumber shop { id } product { id } variantId productTitle shipper { id } deliveredAt reviewableUntil } }
        """;

    public const string PendingModeration = """
        query { reviewsPendingModeration(first: 100) { totalCount edges { node { id status moderationNote } } } }
        """;

    public const string Entities = """
        query($representations: [_Any!]!, $first: Int, $after: String, $stars: [Int!], $withMediaOnly: Boolean, $verifiedOnly: Boolean, $sentiment: Sentiment, $sort: ReviewSort) {
          _entities(representations: $representations) {
            ... on Product { id ratingSummary { ...summary } reviews(first: $first, after: $after, stars: $stars, withMediaOnly: $withMediaOnly, verifiedOnly: $verifiedOnly, sentiment: $sentiment, sort: $sort) { ...page } }
            ... on Shop { id ratingSummary { ...summary } reviews(first: $first, after: $after, stars: $stars, sort: $sort) { ...page } }
            ... on Shipper { id ratingSummary { ...summary } reviews(first: $first, after: $after, stars: $stars, sort: $sort) { ...page } }
            ... on Review { id status body }
          }
        }
        fragment summary on RatingSummary { average count distribution { stars count } withMediaCount }
        fragment page on ReviewConnection { totalCount edges { cursor node { id rating helpfulCount status } } pageInfo { hasNextPage endCursor } }
        """;
}
