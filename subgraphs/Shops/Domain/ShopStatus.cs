namespace GoShop.Shops.Domain;

public enum ShopStatus
{
    /// <summary>Open: listed, searchable, and its coupons can be used.</summary>
    Active,

    /// <summary>Stopped by an admin, or with its owner's suspended account; hidden from buyers until reactivated.</summary>
    Suspended,

    /// <summary>Closed by its owner or an admin (deleteShop). Final: nothing about it changes any more.</summary>
    Closed,
}
