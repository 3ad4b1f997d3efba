using GoShop.Media.Domain;

namespace GoShop.Media.Storage;

public static class StorageKeys
{
    public static string For(Guid mediaId, string variant, MediaFormat format) => $"{mediaId:N}/{variant}.{format.Extension}";

    /// <summary>Keys are made by <see cref="For"/> only; anything else (a path with .., a rooted path) is refused.</summary>
    public static string Checked(string key) =>
        key.Length is > 0 and <= 200 && !key.Contains("..", StringComparison.Ordinal) && key[0] != '/'
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '/' or '.' or '-')
            ? key
            : throw new ArgumentException($"'{key}' is not a media storage key.", nameof(key));
}
