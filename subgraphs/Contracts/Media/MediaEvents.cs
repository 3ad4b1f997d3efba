namespace GoShop.Contracts.Media;

/// <summary>
/// A user uploaded a file that media checked, cleaned and stored. Kind is IMAGE or VIDEO; width and height are those
/// of the stored original (null for video).
/// </summary>
public sealed record MediaUploaded(
    Guid MediaId,
    Guid OwnerId,
    string Kind,
    string ContentType,
    long SizeBytes,
    int? Width,
    int? Height,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>A file was deleted with all its variants; anything still pointing at it should let go.</summary>
public sealed record MediaDeleted(Guid MediaId, Guid OwnerId, DateTimeOffset OccurredAt) : IIntegrationEvent;
