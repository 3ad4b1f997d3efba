using GoShop.Media.Data;
using GoShop.Media.Domain;
using GoShop.Media.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace GoShop.Media.Http;

/// <summary>
/// <c>GET /media/{id}/{variant}</c>: the bytes of a stored rendition (original, medium or thumbnail). A rendition never
/// changes, so it is cacheable for a year and immutable, with its content hash as a strong entity tag (304 on
/// If-None-Match); ranges are served (video players seek with them); the content type is the one recognised from the
/// bytes, and nosniff keeps browsers from guessing another.
/// </summary>
public static class MediaFileEndpoints
{
    public const string CacheForever = "public, max-age=31536000, immutable";

    public static WebApplication MapMediaFiles(this WebApplication app)
    {
        app.MapMethods("/media/{id:guid}/{variant}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(Guid id, string variant, HttpContext http, MediaDbContext db, IMediaStorage storage,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!MediaVariants.IsKnown(variant))
            return Results.NotFound();
        var media = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (media?.Rendition(variant) is not { } rendition)
            return Results.NotFound();

        var etag = new EntityTagHeaderValue(rendition.ETag);
        http.Response.Headers.CacheControl = CacheForever;
        http.Response.Headers.ETag = etag.ToString();
        if (IsCurrent(http.Request, etag))
            return Results.StatusCode(StatusCodes.Status304NotModified);

        var content = await storage.OpenReadAsync(rendition.StorageKey, cancellationToken);
        if (content is null)
        {
            loggers.CreateLogger(typeof(MediaFileEndpoints)).LogError("The file {Key} of media {MediaId} is missing from storage", rendition.StorageKey, id);
            http.Response.Headers.CacheControl = "no-store";
            return Results.NotFound();
        }
        return Results.Stream(content, rendition.ContentType, lastModified: media.CreatedAt, entityTag: etag, enableRangeProcessing: true);
    }

    private static bool IsCurrent(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}
