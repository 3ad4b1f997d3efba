using GoShop.Contracts.Ordering;
using GoShop.Payments.Domain;

namespace GoShop.Payments.Data;

public static class OrderRecords
{
    /// <summary>Keeps payments' copy of an order up to date with a snapshot from ordering (an event or a lookup); the caller saves.</summary>
    public static async Task<OrderRecord> RememberOrderAsync(this PaymentsDbContext db, OrderSnapshot snapshot, DateTimeOffset at,
        CancellationToken cancellationToken, DateTimeOffset? deliveredAt = null)
    {
        if (await db.OrderRecords.FindAsync([snapshot.OrderId], cancellationToken) is { } record)
        {
            record.Update(snapshot, at, deliveredAt);
            return record;
        }
        record = OrderRecord.From(snapshot, at);
        record.Update(snapshot, at, deliveredAt);
        db.OrderRecords.Add(record);
        return record;
    }
}
