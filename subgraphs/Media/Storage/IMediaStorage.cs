namespace GoShop.Media.Storage;

/// <summary>
/// Where the bytes of media files live, by key (<c>{mediaId}/{variant}.{extension}</c>). Stored objects are written
/// once and never changed; they are only deleted with their media.
/// </summary>
public interface IMediaStorage
{
    Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A seekable stream of the object (so ranges can be served), or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the objects; keys that do not exist are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
