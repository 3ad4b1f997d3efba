using System.ComponentModel;

namespace GoShop.Ordering.Domain.Returns;

/// <summary>
/// Where a return stands: REQUESTED → APPROVED or REJECTED; APPROVED → IN_TRANSIT (its parcel was picked up at the
/// buyer's) → RECEIVED (delivered at the shop) → REFUNDED (payments' refund reached the buyer).
/// </summary>
public enum ReturnStatus
{
    [Description("The buyer asked for it; waiting for the seller (or an admin) to approve or reject it. Unanswered for 3 days (the return decision timeout), GoShop approves it.")]
    Requested,

    [Description("The seller (or an admin) accepted it, or GoShop did when the shop left it unanswered: GoShop's shipping is fetching the parcel from the buyer.")]
    Approved,

    [Description("Final: the seller (or an admin) refused it, saying why (rejectionReason); nothing goes back and the order completed.")]
    Rejected,

    [Description("A shipper picked the parcel up at the buyer's and is taking it to the shop.")]
    InTransit,

    [Description("The parcel reached the shop: its units are back in stock and the refund is under way.")]
    Received,

    [Description("Final: the refund reached the buyer.")]
    Refunded,
}
