using GoShop.BuildingBlocks.Domain;

namespace GoShop.Reviews.Domain;

/// <summary>The refusals of the review rules, with their stable codes.</summary>
public static class ReviewErrors
{
    public static readonly DomainError NotFound = new("NOT_FOUND", "No review has this id.", "reviewId");
    public static readonly DomainError NotYours = new("FORBIDDEN", "Only the review's author may do this.", "reviewId");
    public static readonly DomainError NotDelivered = new("NOT_ELIGIBLE",
        "Only the buyer of a delivered order may review it; this order is not one of your delivered orders.", "orderId");
    public static readonly DomainError ProductNotOnOrder = new("NOT_ELIGIBLE", "This product is not on the order.", "productId");
    public static readonly DomainError VariantRequired = new("VARIANT_REQUIRED",
        "The order has this product in several variants: say which one with variantId.", "variantId");
    public static readonly DomainError LineReturned = new("NOT_ELIGIBLE", "This line was returned: it can no longer be reviewed.", "productId");
    public static readonly DomainError NoDelivery = new("NOT_ELIGIBLE", "This order's delivery has not reached you yet.", "orderId");
    public static readonly DomainError WindowClosed = new("REVIEW_WINDOW_CLOSED", "Reviews are accepted up to 30 days after delivery.", "orderId");
    public static readonly DomainError AlreadyReviewed = new("ALREADY_REVIEWED", "You already reviewed this.", "orderId");
    public static readonly DomainError EditWindowClosed = new("EDIT_WINDOW_CLOSED", "A review can be edited for 30 days after it was posted.", "reviewId");
    public static readonly DomainError Deleted = new("REVIEW_DELETED", "This review was deleted.", "reviewId");
    public static readonly DomainError NotTheSeller = new("FORBIDDEN", "Only the owner of the reviewed shop may reply.", "reviewId");
    public static readonly DomainError NotPublished = new("NOT_PUBLISHED", "Only a published review can be replied to, voted on or reported.", "reviewId");
    public static readonly DomainError OwnReview = new("OWN_REVIEW", "You cannot vote for your own review.", "reviewId");
    public static readonly DomainError AlreadyVoted = new("ALREADY_VOTED", "You already found this review helpful.", "reviewId");
    public static readonly DomainError AlreadyReported = new("ALREADY_REPORTED", "You already reported this review.", "reviewId");
    public static readonly DomainError NotHeld = new("NOT_PENDING", "Only a held review waits for a moderator's decision.", "reviewId");
}
