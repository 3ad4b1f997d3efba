using System.ComponentModel;

namespace GoShop.Shops.Domain;

public enum ShopStatus
{
    /// <summary>Open: listed, searchable, and its coupons can be used.</summary>
    [Description("Open: listed by shops and shopsNear, and its coupon codes can be used.")]
    Active,

    /// <summary>Stopped by an admin, or with its owner's suspended account; hidden from buyers until reactivated.</summary>
    [Description("Stopped by an admin, or while its owner's account is suspended: left out of shop lists and searches, and its coupon codes cannot be used, until it is ACTIVE again.")]
    Suspended,

    /// <summary>Closed by its owner or an admin (deleteShop). Final: nothing about it changes any more.</summary>
    [Description("Closed for good by its owner or an admin (deleteShop): it still reads, but nothing about it changes any more.")]
    Closed,
}
