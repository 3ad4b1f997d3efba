namespace GoShop.Reviews.Domain;

/// <summary>A product catalog deleted: its reviews stay readable, but nobody may write a new one.</summary>
public sealed record DeletedProduct(Guid ProductId, DateTimeOffset DeletedAt);
