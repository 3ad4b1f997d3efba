using System.ComponentModel;
using GraphQL.Types;

namespace GoShop.Reviews.GraphQL.Mutations;

[Description("A review of one product of a delivered order.")]
public sealed record CreateProductReviewInput
{
    [Description("The delivered (or completed) order, the signed-in buyer's, delivered at most 30 days ago.")]
    public required Guid OrderId { get; init; }

    [Description("The product, one of the order's lines.")]
    public required Guid ProductId { get; init; }

    [Description("The variant bought; needed only when the order has the product in several variants.")]
    public Guid? VariantId { get; init; }

    [Description("Stars, 1 to 5.")]
    public required int Rating { get; init; }

    [Description("A short headline, up to 200 characters (plain text).")]
    public string? Title { get; init; }

    [Description("The text, up to 2,000 characters, kept exactly as written (plain text: markup is shown as typed, never run).")]
    public string? Body { get; init; }

    [Description("Up to 6 photos or 1 video the buyer uploaded with uploadMedia.")]
    public List<Guid>? MediaIds { get; init; }
}

[Description("A review of the shop of a delivered order.")]
public sealed record CreateShopReviewInput
{
    [Description("The delivered (or completed) order, the signed-in buyer's, delivered at most 30 days ago.")]
    public required Guid OrderId { get; init; }

    [Description("Stars, 1 to 5.")]
    public required int Rating { get; init; }

    [Description("The text, up to 2,000 characters, kept exactly as written (plain text).")]
    public string? Body { get; init; }
}

[Description("A review of the shipper who delivered an order.")]
public sealed record CreateDeliveryReviewInput
{
    [Description("The order whose delivery reached the signed-in buyer at most 30 days ago.")]
    public required Guid OrderId { get; init; }

    [Description("Stars, 1 to 5.")]
    public required int Rating { get; init; }

    [Description("The text, up to 2,000 characters, kept exactly as written (plain text).")]
    public string? Body { get; init; }
}

[Description("The new content of a review; what it said before is kept in its revisions.")]
public sealed record EditReviewInput
{
    [Description("The signed-in user's review, posted at most 30 days ago.")]
    public required Guid ReviewId { get; init; }

    [Description("Stars, 1 to 5.")]
    public required int Rating { get; init; }

    [Description("A short headline, up to 200 characters; null removes it.")]
    public string? Title { get; init; }

    [Description("The text, up to 2,000 characters; null removes it.")]
    public string? Body { get; init; }

    [Description("Up to 6 photos or 1 video the author uploaded; null or empty removes them.")]
    public List<Guid>? MediaIds { get; init; }
}

[Description("Which review.")]
public sealed record ReviewIdInput
{
    [Description("The review's id.")]
    public required Guid ReviewId { get; init; }
}

[Description("The shop owner's answer to a review.")]
public sealed record ReplyToReviewInput
{
    [Description("A published review of the signed-in user's shop (or its product, or its delivery).")]
    public required Guid ReviewId { get; init; }

    [Description("The answer, up to 2,000 characters (plain text); replaces an earlier answer.")]
    public required string Body { get; init; }
}

[Description("Why a review should be looked at by a moderator.")]
public sealed record ReportReviewInput
{
    [Description("A published review.")]
    public required Guid ReviewId { get; init; }

    [Description("Why, up to 500 characters.")]
    public required string Reason { get; init; }
}

[Description("A moderator's refusal of a review.")]
public sealed record RejectReviewInput
{
    [Description("A held review, or a published one that was reported.")]
    public required Guid ReviewId { get; init; }

    [Description("Why, up to 500 characters; its author reads it in moderationNote.")]
    public required string Reason { get; init; }
}

public sealed class CreateProductReviewInputType : AutoRegisteringInputObjectGraphType<CreateProductReviewInput>;

public sealed class CreateShopReviewInputType : AutoRegisteringInputObjectGraphType<CreateShopReviewInput>;

public sealed class CreateDeliveryReviewInputType : AutoRegisteringInputObjectGraphType<CreateDeliveryReviewInput>;

public sealed class EditReviewInputType : AutoRegisteringInputObjectGraphType<EditReviewInput>;

public sealed class ReviewIdInputType : AutoRegisteringInputObjectGraphType<ReviewIdInput>;

public sealed class ReplyToReviewInputType : AutoRegisteringInputObjectGraphType<ReplyToReviewInput>;

public sealed class ReportReviewInputType : AutoRegisteringInputObjectGraphType<ReportReviewInput>;

public sealed class RejectReviewInputType : AutoRegisteringInputObjectGraphType<RejectReviewInput>;
