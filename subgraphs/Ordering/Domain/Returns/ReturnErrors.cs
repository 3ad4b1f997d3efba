using GoShop.BuildingBlocks.Domain;

namespace GoShop.Ordering.Domain.Returns;

/// <summary>The expected failures of returns, with their stable codes.</summary>
public static class ReturnErrors
{
    public static DomainError ReturnNotFound(string field) =>
        new("RETURN_NOT_FOUND", field == "orderId" ? "No return of this order was asked for." : "No return with this id exists.", field);

    public static DomainError ReturnOrOrderRequired { get; } =
        new("RETURN_OR_ORDER_REQUIRED", "Give exactly one of returnId and orderId.", "returnId");

    public static DomainError AlreadyRequested { get; } =
        new("RETURN_ALREADY_REQUESTED", "A return of this order was asked for already; an order has at most one return.", "orderId");

    public static DomainError ReasonTooLong { get; } =
        new("TOO_LONG", $"Reason must be at most {Return.MaxReason} characters.", "reason");

    public static DomainError TooManyPhotos { get; } =
        new("TOO_MANY_PHOTOS", $"A return takes at most {Return.MaxPhotos} photos.", "mediaIds");

    public static DomainError OrderLineNotFound(Guid orderLineId) =>
        new("ORDER_LINE_NOT_FOUND", $"The order has no line {orderLineId}.", "lines");

    public static DomainError DuplicateLine(Guid orderLineId) =>
        new("DUPLICATE_RETURN_LINE", $"Line {orderLineId} is listed more than once; give each line once with its quantity.", "lines");

    public static DomainError QuantityOutOfRange(string title, int ordered) =>
        new("QUANTITY_OUT_OF_RANGE", $"Return 1 to {ordered} of '{title}'.", "lines");

    public static DomainError InvalidTransition(ReturnStatus from, ReturnStatus to) =>
        new("INVALID_TRANSITION", $"This return cannot go from {from.ToContractName()} to {to.ToContractName()}.", "returnId");
}
