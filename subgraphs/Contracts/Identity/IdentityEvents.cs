namespace GoShop.Contracts.Identity;

/// <summary>A person created an account.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string FullName, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A user changed the name or phone shown to shops, shippers and other buyers.</summary>
public sealed record UserProfileUpdated(Guid UserId, string FullName, string? Phone, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A user deleted the account; personal data is gone from identity and should be forgotten elsewhere.</summary>
public sealed record UserDeleted(Guid UserId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// An admin suspended a user: their sessions are revoked and they cannot sign in. Other subgraphs take what the user
/// offers off the market until <see cref="UserReinstated"/>: shops hides their shops, shipping takes the shipper off
/// duty and passes their open offers on.
/// </summary>
public sealed record UserSuspended(Guid UserId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>An admin lifted a user's suspension: what was hidden because of it comes back.</summary>
public sealed record UserReinstated(Guid UserId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A user became a shipper; shipping keeps the working state (status, location, assignments).</summary>
public sealed record ShipperRegistered(
    Guid UserId,
    string FullName,
    string VehicleType,
    string PlateNumber,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
