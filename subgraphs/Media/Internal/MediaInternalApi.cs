using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Media;
using GoShop.Media.Data;
using GoShop.Media.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Media.Internal;

/// <summary>
/// Media's internal API, under <c>/internal</c> (key-checked, never behind the gateway): <c>GET /internal/media/{id}</c>,
/// what another subgraph checks before it attaches a file to something it owns. Read by <see cref="MediaDirectory"/>.
/// </summary>
public static class MediaInternalApi
{
    public static WebApplication MapMediaInternalApi(this WebApplication app)
    {
        app.MapInternalApi().MapGet("/media/{id:guid}", async (Guid id, MediaDbContext db, CancellationToken cancellationToken) =>
        {
            var media = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (media is null)
                return Results.NotFound();
            var original = media.Original;
            return Results.Ok(new MediaInfo(media.Id, media.OwnerId, MediaKindNames.Of(media.Kind), media.ContentType, original.Width, original.Height));
        });
        return app;
    }
}
