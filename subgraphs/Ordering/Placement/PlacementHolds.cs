using GoShop.Contracts.Catalog;
using GoShop.Contracts.Shops;

namespace GoShop.Ordering.Placement;

/// <summary>
/// What a placement asked other subgraphs to hold before its own transaction commits (stock reservations and coupon
/// uses, both keyed by order id), so a placement that fails at any step gives all of it back. An attempt counts even
/// when its answer never came: a timed-out reservation may still have been made, and releasing is idempotent.
/// </summary>
internal sealed class PlacementHolds(StockReservations reservations, CouponClient coupons, ILogger logger)
{
    private readonly List<Guid> _reservations = [];
    private readonly List<Guid> _redemptions = [];

    public void Reserving(Guid orderId) => _reservations.Add(orderId);

    public void Redeeming(Guid orderId)
    {
        if (!_redemptions.Contains(orderId))
            _redemptions.Add(orderId);
    }

    /// <summary>
    /// Releases everything held, even when the caller went away. What cannot be released now is logged: a reservation
    /// then runs out by itself (<c>Ordering:ReservationHoldSeconds</c>); a coupon use stays counted until someone releases it.
    /// </summary>
    public async Task ReleaseAsync()
    {
        foreach (var orderId in _reservations)
        {
            try
            {
                await reservations.ReleaseAsync(orderId, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not release the stock reserved for order {OrderId}; it is held until the reservation expires", orderId);
            }
        }
        foreach (var orderId in _redemptions)
        {
            try
            {
                await coupons.ReleaseAsync(new CouponReleaseRequest(orderId), CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not give back the coupon uses of order {OrderId}, which was never placed", orderId);
            }
        }
        _reservations.Clear();
        _redemptions.Clear();
    }
}
