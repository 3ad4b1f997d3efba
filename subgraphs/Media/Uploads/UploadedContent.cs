namespace GoShop.Media.Uploads;

/// <summary>A file offered to media: its length, the name the uploader gave it, and a way to read its bytes (more than once).</summary>
public sealed record UploadedContent(long Length, string? FileName, Func<Stream> Open);
