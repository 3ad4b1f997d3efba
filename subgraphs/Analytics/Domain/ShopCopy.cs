using GoShop.Contracts.Shops;

namespace GoShop.Analytics.Domain;

/// <summary>What analytics knows of a shop: who owns it (who may read its analytics), its name, and when it opened.</summary>
public sealed class ShopCopy
{
    private ShopCopy()
    {
    }

    public Guid ShopId { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>When the shop opened; null while only an update was heard of.</summary>
    public DateTimeOffset? CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ShopCopy From(ShopSnapshot shop) => new() { ShopId = shop.ShopId, UpdatedAt = DateTimeOffset.MinValue };

    public void Apply(ShopSnapshot shop, DateTimeOffset occurredAt, bool created)
    {
        if (created)
            CreatedAt = occurredAt;
        if (occurredAt < UpdatedAt)
            return;
        OwnerId = shop.OwnerId;
        Name = shop.Name;
        UpdatedAt = occurredAt;
    }
}
