namespace GoShop.Contracts.Cart;

/// <summary>
/// A signed-in buyer put a product in their cart (a new line, or more of a line already there: <see cref="Quantity"/>
/// is how many were added). Search counts it for trending and recommendations, analytics for a product's funnel.
/// </summary>
public sealed record CartItemAdded(Guid UserId, Guid ProductId, Guid? VariantId, Guid ShopId, int Quantity, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
