using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoShop.Media.Storage;

/// <summary>
/// Media files in a folder of the local disk (<c>Media:Storage:LocalRoot</c>, by default <c>App_Data/media</c> under the
/// content root). A file is written under a temporary name and renamed into place, so a reader never sees half of one.
/// </summary>
public sealed class LocalDiskMediaStorage(IOptions<MediaOptions> options, IHostEnvironment environment) : IMediaStorage
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Storage.LocalRoot));

    public string Root => _root;

    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var path = PathOf(key);
            File.Delete(path);
            var folder = Path.GetDirectoryName(path)!;
            if (folder != _root && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
        }
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(_root, StorageKeys.Checked(key));
}
