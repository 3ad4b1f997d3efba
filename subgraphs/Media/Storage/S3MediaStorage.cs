using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace GoShop.Media.Storage;

/// <summary>
/// Media files in a bucket of an S3-compatible service (<c>Media:Storage:S3</c>): AWS S3 by region, or any other
/// service by URL (MinIO, Ceph, R2...), with path-style addressing when asked. Reads go through
/// <see cref="S3ObjectReadStream"/>, which fetches byte ranges, so a video can be served in ranges without being
/// downloaded whole.
/// </summary>
public sealed class S3MediaStorage : IMediaStorage, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly S3StorageOptions _options;

    public S3MediaStorage(IOptions<MediaOptions> options)
    {
        _options = options.Value.Storage.S3;
        if (string.IsNullOrWhiteSpace(_options.Bucket))
            throw new InvalidOperationException("Media:Storage:S3:Bucket is required when Media:Storage:Provider is S3.");
        var config = new AmazonS3Config
        {
            ForcePathStyle = _options.ForcePathStyle,
            // Checksums only where S3 requires them: many S3-compatible services refuse the newer checksum trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(_options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(_options.Region);
        }
        else
        {
            config.ServiceURL = _options.ServiceUrl;
            config.AuthenticationRegion = _options.Region;
        }
        _s3 = string.IsNullOrEmpty(_options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = ObjectKey(key),
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await _s3.GetObjectMetadataAsync(_options.Bucket, ObjectKey(key), cancellationToken);
            return new S3ObjectReadStream(_s3, _options.Bucket, ObjectKey(key), metadata.ContentLength);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return;
        await _s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = _options.Bucket,
            Objects = keys.Select(key => new KeyVersion { Key = ObjectKey(key) }).ToList(),
            Quiet = true,
        }, cancellationToken);
    }

    public void Dispose() => _s3.Dispose();

    private string ObjectKey(string key) => _options.KeyPrefix + StorageKeys.Checked(key);
}
