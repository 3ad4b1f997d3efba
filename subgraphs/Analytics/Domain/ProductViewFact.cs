namespace GoShop.Analytics.Domain;

/// <summary>One product page opened, by a signed-in buyer or an anonymous visitor; counted once by its id.</summary>
public sealed record ProductViewFact(Guid ViewId, Guid ProductId, Guid ShopId, Guid? UserId, string? VisitorId, DateTimeOffset ViewedAt);
