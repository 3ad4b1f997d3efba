namespace GoShop.Ordering;

/// <summary>Configuration section <c>Ordering</c>.</summary>
public sealed class OrderingOptions
{
    public const string Section = "Ordering";

    /// <summary>How long an order paid online (card, e-wallet, bank transfer) waits for its payment before it is cancelled.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a PENDING order (placed with cash on delivery, or paid) waits for its shop to confirm it; then it is
    /// cancelled (SYSTEM, CONFIRMATION_TIMEOUT): its stock goes back on sale and any payment is refunded.
    /// </summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a requested return waits for its shop to approve or reject it; then it is approved (SYSTEM) and goes its
    /// way as an approved return does: a shipper fetches the parcel and the refund follows its arrival at the shop.
    /// </summary>
    public TimeSpan ReturnDecisionTimeout { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long after delivery the buyer may ask for a return; after it the order completes by itself.</summary>
    public TimeSpan ReturnWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Value added tax on what the buyer pays for the goods (subtotal minus discount), e.g. 0.10 for 10 %.</summary>
    public decimal VatRate { get; set; } = 0.10m;

    /// <summary>
    /// How long catalog holds the stock of an order being placed. Once the order exists, catalog keeps the hold until the
    /// order is cancelled or delivered; this only bounds a placement that died half-way.
    /// </summary>
    public int ReservationHoldSeconds { get; set; } = 600;

    /// <summary>
    /// How often unpaid and unconfirmed orders past their deadline are cancelled and delivered orders past the return
    /// window completed; zero turns the background sweep off (tests sweep when they choose).
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}

