namespace GoShop.BuildingBlocks.Domain;

/// <summary>
/// An expected failure of a domain operation (an illegal transition, a broken invariant), with a stable
/// UPPER_SNAKE code. Domain methods return these instead of throwing; resolvers turn them into userErrors.
/// </summary>
public sealed record DomainError(string Code, string Message, string? Field = null);
