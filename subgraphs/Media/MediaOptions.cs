namespace GoShop.Media;

/// <summary>Configuration section <c>Media</c>: what uploads may be, how images are cut down, where files go.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The address files are served from, as clients reach it (the media subgraph, or a CDN in front of it).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8010";

    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    public long MaxVideoBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>
    /// Most pixels an image may have. A few kilobytes of PNG can claim a 50,000 x 50,000 canvas (a decompression
    /// bomb): the header is read first and such an image is refused before any pixel is decoded.
    /// </summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Longest side of the <c>thumbnail</c> variant, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 200;

    /// <summary>Longest side of the <c>medium</c> variant, in pixels.</summary>
    public int MediumSize { get; set; } = 800;

    /// <summary>Quality (1-100) of re-encoded JPEG and WebP images.</summary>
    public int EncodingQuality { get; set; } = 85;

    /// <summary>Images decoded at once; each holds its full bitmap in memory while it is processed.</summary>
    public int MaxConcurrentImageJobs { get; set; } = Math.Max(1, Environment.ProcessorCount);

    public MediaStorageOptions Storage { get; set; } = new();

    /// <summary>A TrueType font for the captions of the demo images; the first of a few common system fonts when empty.</summary>
    public string? DemoFontFile { get; set; }

    public long MaxBytesOf(Domain.MediaKind kind) => kind == Domain.MediaKind.Video ? MaxVideoBytes : MaxImageBytes;
}

/// <summary>Where stored files live (<c>Media:Storage</c>).</summary>
public sealed class MediaStorageOptions
{
    /// <summary><c>Local</c> (the default) or <c>S3</c>.</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>Folder of the local store; relative paths are under the content root. Default <c>App_Data/media</c>.</summary>
    public string LocalRoot { get; set; } = Path.Combine("App_Data", "media");

    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary>An S3-compatible bucket (<c>Media:Storage:S3</c>): AWS S3, MinIO, Cloudflare R2, Ceph...</summary>
public sealed class S3StorageOptions
{
    /// <summary>The endpoint of an S3-compatible service (e.g. http://127.0.0.1:9000 for MinIO); empty for AWS by region.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    /// <summary>Prefix of every object key, e.g. <c>media/</c>.</summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>Address buckets as <c>{service}/{bucket}</c> rather than <c>{bucket}.{service}</c> (MinIO needs it).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Static credentials; when empty the SDK's default chain (environment, profile, instance role) is used.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }
}
