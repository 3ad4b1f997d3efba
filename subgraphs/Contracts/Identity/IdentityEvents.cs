namespace GoShop.Contracts.Identity;

/// <summary>A person created an account.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string FullName, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A user changed the name or phone shown to shops, shippers and other buyers.</summary>
public sealed record UserProfileUpdated(Guid UserId, string FullName, string? Phone, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A user deleted the account; personal data is gone from identity and should be forgotten elsewhere.</summary>
public sealed record UserDeleted(Guid UserId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A user became a shipper; shipping keeps the working state (status, location, assignments).</summary>
public sealed record ShipperRegistered(
    Guid UserId,
    string FullName,
    string VehicleType,
    string PlateNumber,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
