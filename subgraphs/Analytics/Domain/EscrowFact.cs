namespace GoShop.Analytics.Domain;

/// <summary>An order's money released to its shop, of which <see cref="Commission"/> was the platform's.</summary>
public sealed record EscrowFact(Guid OrderId, Guid EscrowId, decimal Commission, DateTimeOffset ReleasedAt);
