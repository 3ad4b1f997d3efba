using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts.Media;
using GoShop.Contracts.Shops;
using GoShop.Shops.Data;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Shops.Events;

/// <summary>A shop whose logo or banner was deleted in the media subgraph shows none instead of a dangling id.</summary>
public sealed class MediaDeletedHandler(ShopsDbContext db, TimeProvider clock, ILogger<MediaDeletedHandler> logger)
    : IntegrationEventHandler<MediaDeleted, ShopsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(MediaDeleted message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var shops = await Db.Shops
            .FromSql($"SELECT * FROM shops WHERE logo_media_id = {message.MediaId} OR banner_media_id = {message.MediaId} ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var shop in shops.Where(s => s.ForgetMedia(message.MediaId, now)))
            Db.Publish(new ShopUpdated(shop.ToSnapshot(), now));
    }
}
