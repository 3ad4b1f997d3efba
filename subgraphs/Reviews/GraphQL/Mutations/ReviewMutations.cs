using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Reviews.Domain;
using GoShop.Reviews.GraphQL.Types;
using GoShop.Reviews.Writing;
using GraphQL;
using GraphQL.Types;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;

namespace GoShop.Reviews.GraphQL.Mutations;

/// <summary>
/// Writing reviews (createProductReview, createShopReview, createDeliveryReview, editReview, deleteReview), answering
/// them (replyToReview), judging them (markReviewHelpful, reportReview) and moderating them (approveReview, rejectReview).
/// </summary>
public sealed class ReviewMutations(ReviewWriting writing, ICurrentUser currentUser)
{
    private const string ContentErrors = "INVALID_RATING, TOO_LONG, TOO_MANY_MEDIA, DUPLICATE_MEDIA, MEDIA_NOT_FOUND, MEDIA_NOT_YOURS, MEDIA_UNAVAILABLE";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("createProductReview")
            .Description("The buyer of a delivered (or completed) order reviews one of its products, at most 30 days after delivery: once per " +
                "order line, marked as a verified purchase with the variant bought. It is published at once, or HELD for a moderator when it " +
                "has a link, a phone number, a banned word, a text already posted several times, or comes in a burst from one account. " +
                $"userErrors: NOT_ELIGIBLE, VARIANT_REQUIRED, REVIEW_WINDOW_CLOSED, ALREADY_REVIEWED, PRODUCT_DELETED, {ContentErrors}.")
            .Authorize()
            .Argument<NonNullGraphType<CreateProductReviewInputType>>("input", "The order, the product and the review.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().CreateProductReviewAsync(
                context.GetArgument<CreateProductReviewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("createShopReview")
            .Description("The buyer of a delivered (or completed) order reviews its shop, once per order, at most 30 days after delivery; " +
                "screened like a product review. userErrors: NOT_ELIGIBLE, REVIEW_WINDOW_CLOSED, ALREADY_REVIEWED, INVALID_RATING, TOO_LONG.")
            .Authorize()
            .Argument<NonNullGraphType<CreateShopReviewInputType>>("input", "The order and the review.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().CreateShopReviewAsync(
                context.GetArgument<CreateShopReviewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("createDeliveryReview")
            .Description("The buyer rates the shipper who delivered an order, once per shipment, at most 30 days after delivery; screened like a " +
                "product review. userErrors: NOT_ELIGIBLE, REVIEW_WINDOW_CLOSED, ALREADY_REVIEWED, INVALID_RATING, TOO_LONG.")
            .Authorize()
            .Argument<NonNullGraphType<CreateDeliveryReviewInputType>>("input", "The order and the review.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().CreateDeliveryReviewAsync(
                context.GetArgument<CreateDeliveryReviewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("editReview")
            .Description("The author changes their review, at most 30 days after posting it; what it said before is kept (Review.revisions), " +
                "and the new text is screened again. " +
                $"userErrors: NOT_FOUND, FORBIDDEN, REVIEW_DELETED, EDIT_WINDOW_CLOSED, {ContentErrors}.")
            .Authorize()
            .Argument<NonNullGraphType<EditReviewInputType>>("input", "The review and its new content.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().EditAsync(context.GetArgument<EditReviewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("deleteReview")
            .Description("The author deletes their review: it leaves every list and summary for good (the order line cannot be reviewed again). " +
                "userErrors: NOT_FOUND, FORBIDDEN, REVIEW_DELETED.")
            .Authorize()
            .Argument<NonNullGraphType<ReviewIdInputType>>("input", "The review.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().DeleteAsync(context.GetArgument<ReviewIdInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("replyToReview")
            .Description("The owner of the reviewed shop answers a published review publicly; answering again replaces the answer (editedAt " +
                "is set). The review's author is told (ReviewReplied). userErrors: NOT_FOUND, FORBIDDEN, NOT_PUBLISHED, REQUIRED, TOO_LONG.")
            .Authorize()
            .Argument<NonNullGraphType<ReplyToReviewInputType>>("input", "The review and the answer.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().ReplyAsync(context.GetArgument<ReplyToReviewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("markReviewHelpful")
            .Description("The signed-in user found a published review helpful: once per user per review, never one's own. " +
                "userErrors: NOT_FOUND, NOT_PUBLISHED, OWN_REVIEW, ALREADY_VOTED.")
            .Authorize()
            .Argument<NonNullGraphType<ReviewIdInputType>>("input", "The review.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().MarkHelpfulAsync(context.GetArgument<ReviewIdInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("reportReview")
            .Description("The signed-in user reports a published review to the moderators (once per user per review); it joins " +
                "reviewsPendingModeration and stays published until a moderator rejects it. " +
                "userErrors: NOT_FOUND, NOT_PUBLISHED, ALREADY_REPORTED, REQUIRED, TOO_LONG.")
            .Authorize()
            .Argument<NonNullGraphType<ReportReviewInputType>>("input", "The review and why.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().ReportAsync(context.GetArgument<ReportReviewInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("approveReview")
            .Description("An admin publishes a held review: it counts in its summary from now on. userErrors: NOT_FOUND, NOT_PENDING.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<ReviewIdInputType>>("input", "The held review.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().ApproveAsync(context.GetArgument<ReviewIdInput>("input"), context.CancellationToken));

        mutation.Field<NonNullGraphType<ReviewPayloadType>, ReviewPayload>("rejectReview")
            .Description("An admin refuses a held review, or takes down a published one: only its author sees it from now on, with the reason. " +
                "userErrors: NOT_FOUND, NOT_PENDING, REQUIRED, TOO_LONG.")
            .AuthorizeWithRoles(Roles.Admin)
            .Argument<NonNullGraphType<RejectReviewInputType>>("input", "The review and why.")
            .ResolveAsync(async context => await context.Service<ReviewMutations>().RejectAsync(context.GetArgument<RejectReviewInput>("input"), context.CancellationToken));
    }

    public async Task<ReviewPayload> CreateProductReviewAsync(CreateProductReviewInput input, CancellationToken cancellationToken)
    {
        var authorId = currentUser.RequireId();
        var check = CheckContent(input.Rating, input.Title, input.Body, input.MediaIds);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.CreateProductReviewAsync(authorId, input.OrderId, input.ProductId, input.VariantId,
            Content(input.Rating, input.Title, input.Body, input.MediaIds), cancellationToken));
    }

    public async Task<ReviewPayload> CreateShopReviewAsync(CreateShopReviewInput input, CancellationToken cancellationToken)
    {
        var authorId = currentUser.RequireId();
        var check = CheckContent(input.Rating, null, input.Body, null);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.CreateShopReviewAsync(authorId, input.OrderId, Content(input.Rating, null, input.Body, null), cancellationToken));
    }

    public async Task<ReviewPayload> CreateDeliveryReviewAsync(CreateDeliveryReviewInput input, CancellationToken cancellationToken)
    {
        var authorId = currentUser.RequireId();
        var check = CheckContent(input.Rating, null, input.Body, null);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.CreateDeliveryReviewAsync(authorId, input.OrderId, Content(input.Rating, null, input.Body, null), cancellationToken));
    }

    public async Task<ReviewPayload> EditAsync(EditReviewInput input, CancellationToken cancellationToken)
    {
        var authorId = currentUser.RequireId();
        var check = CheckContent(input.Rating, input.Title, input.Body, input.MediaIds);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.EditAsync(authorId, input.ReviewId, Content(input.Rating, input.Title, input.Body, input.MediaIds), cancellationToken));
    }

    public async Task<ReviewPayload> DeleteAsync(ReviewIdInput input, CancellationToken cancellationToken) =>
        Answer(await writing.DeleteAsync(currentUser.RequireId(), input.ReviewId, cancellationToken));

    public async Task<ReviewPayload> ReplyAsync(ReplyToReviewInput input, CancellationToken cancellationToken)
    {
        var sellerId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Body, "body", ReviewRules.MaxReplyLength);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.ReplyAsync(sellerId, input.ReviewId, input.Body.Trim(), cancellationToken));
    }

    public async Task<ReviewPayload> MarkHelpfulAsync(ReviewIdInput input, CancellationToken cancellationToken) =>
        Answer(await writing.MarkHelpfulAsync(currentUser.RequireId(), input.ReviewId, cancellationToken));

    public async Task<ReviewPayload> ReportAsync(ReportReviewInput input, CancellationToken cancellationToken)
    {
        var reporterId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Reason, "reason", ReviewRules.MaxReportReasonLength);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.ReportAsync(reporterId, input.ReviewId, input.Reason.Trim(), cancellationToken));
    }

    public async Task<ReviewPayload> ApproveAsync(ReviewIdInput input, CancellationToken cancellationToken) =>
        Answer(await writing.ApproveAsync(input.ReviewId, cancellationToken));

    public async Task<ReviewPayload> RejectAsync(RejectReviewInput input, CancellationToken cancellationToken)
    {
        var check = new InputCheck().Text(input.Reason, "reason", ReviewRules.MaxReportReasonLength);
        if (check.HasErrors)
            return Fail<ReviewPayload>(check);
        return Answer(await writing.RejectAsync(input.ReviewId, input.Reason.Trim(), cancellationToken));
    }

    private static InputCheck CheckContent(int rating, string? title, string? body, IReadOnlyList<Guid>? mediaIds)
    {
        var check = new InputCheck();
        if (rating is < ReviewRules.MinRating or > ReviewRules.MaxRating)
            check.Add("INVALID_RATING", $"A rating is {ReviewRules.MinRating} to {ReviewRules.MaxRating} stars.", "rating");
        check.Text(title, "title", ReviewRules.MaxTitleLength, required: false);
        check.Text(body, "body", ReviewRules.MaxBodyLength, required: false);
        if (mediaIds is { Count: > ReviewRules.MaxPhotos })
            check.Add("TOO_MANY_MEDIA", $"A review shows up to {ReviewRules.MaxPhotos} photos or one video.", "mediaIds");
        return check;
    }

    /// <summary>Blank text is no text; the rest is kept exactly as written, apart from the spaces around it.</summary>
    private static ReviewContent Content(int rating, string? title, string? body, IReadOnlyList<Guid>? mediaIds) =>
        new(rating, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), string.IsNullOrWhiteSpace(body) ? null : body.Trim(), mediaIds ?? []);

    private static ReviewPayload Answer(Result<Review> result) =>
        result.Succeeded ? new ReviewPayload { Review = result.Value } : Fail<ReviewPayload>(result.Error);
}

public sealed record ReviewPayload : Payload
{
    public Review? Review { get; init; }
}

public sealed class ReviewPayloadType : PayloadType<ReviewPayload>
{
    public ReviewPayloadType()
    {
        Name = "ReviewPayload";
        Description = "What every review mutation returns: the review as it now stands, or `userErrors` saying why nothing changed.";
        Field<ReviewType, Review>("review").Description("The review after the change; null when it was refused.").Resolve(context => context.Source.Review);
    }
}
