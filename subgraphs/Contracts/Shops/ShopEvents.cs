namespace GoShop.Contracts.Shops;

/// <summary>
/// The state of a shop that other subgraphs keep a copy of (catalog for ownership and "near me", ordering and
/// shipping for the pickup point). Every shop event carries all of it, so a consumer simply upserts.
/// </summary>
public sealed record ShopSnapshot(
    Guid ShopId,
    Guid OwnerId,
    string Name,
    string Slug,
    string Status,
    double Latitude,
    double Longitude,
    string Address,
    IReadOnlyList<string> Categories);

/// <summary>A seller opened a shop. Identity grants the owner the SELLER role.</summary>
public sealed record ShopCreated(ShopSnapshot Shop, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A shop's profile, location or status changed (status CLOSED when it was deleted).</summary>
public sealed record ShopUpdated(ShopSnapshot Shop, DateTimeOffset OccurredAt) : IIntegrationEvent;
