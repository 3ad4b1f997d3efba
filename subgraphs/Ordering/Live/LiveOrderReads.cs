using GoShop.Ordering.Data;
using GoShop.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GoShop.Ordering.Live;

/// <summary>
/// The order a live update carries (<c>OrderStatusUpdate.order</c>), read from the database once per update however
/// many subscribers deliver it: a thousand phones following one order made a thousand identical reads, and the last
/// subscriber heard of the change half a second late (`make bench`, fan-out). The read still happens when the update
/// is first delivered, as the field promises; it is shared for a few seconds, then dropped.
/// </summary>
public sealed class LiveOrderReads(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan SharedFor = TimeSpan.FromSeconds(5);

    public Task<Order?> ReadAsync(OrderStatusUpdateMessage update)
    {
        var key = (typeof(LiveOrderReads), update.OrderId, update.To, update.At);
        var read = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = SharedFor;
            return new Lazy<Task<Order?>>(() => LoadAsync(update.OrderId));
        })!.Value;
        // A failed read is not shared: the next subscriber tries again.
        if (read.IsFaulted || read.IsCanceled)
            cache.Remove(key);
        return read;
    }

    private async Task<Order?> LoadAsync(Guid orderId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        return await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId);
    }
}
