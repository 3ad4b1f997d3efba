namespace GoShop.Analytics.Domain;

/// <summary>A buyer put units of a product in their cart (cart's event carries no id: the inbox keeps it from counting twice).</summary>
public sealed record CartAddFact(Guid Id, Guid UserId, Guid ProductId, Guid ShopId, int Quantity, DateTimeOffset OccurredAt);
