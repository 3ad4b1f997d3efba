namespace GoShop.Contracts.Ordering;

/// <summary>Units of one order line going back to the shop, and what the buyer gets back for them.</summary>
public sealed record ReturnLineSnapshot(
    Guid OrderLineId,
    Guid ProductId,
    Guid? VariantId,
    string Title,
    string? VariantTitle,
    int Quantity,
    decimal RefundAmount,
    int WeightGrams);

/// <summary>
/// A return as other subgraphs keep it. <see cref="Status"/> is the status after the event: REQUESTED, APPROVED,
/// REJECTED, IN_TRANSIT, RECEIVED or REFUNDED. <see cref="RefundAmount"/> is what the buyer gets back for
/// <see cref="Lines"/> (in <see cref="Currency"/>); <see cref="WholeOrder"/> when every unit of the order goes back.
/// The parcel travels from <see cref="PickupAddress"/> (the order's delivery address) to the shop's location.
/// </summary>
public sealed record ReturnSnapshot(
    Guid ReturnId,
    Guid OrderId,
    Guid BuyerId,
    Guid ShopId,
    Guid SellerId,
    string Status,
    string Reason,
    IReadOnlyList<ReturnLineSnapshot> Lines,
    decimal RefundAmount,
    string Currency,
    bool WholeOrder,
    int WeightGrams,
    OrderAddressSnapshot PickupAddress,
    double ShopLatitude,
    double ShopLongitude,
    DateTimeOffset RequestedAt);
