namespace GoShop.Analytics.Reports;

/// <summary>The sums of a scope's rollups over a period (or one bucket of a series).</summary>
public sealed record RollupTotals
{
    public static RollupTotals Zero { get; } = new();

    public int PlacedOrders { get; init; }
    public int CancelledOrders { get; init; }
    public int Orders { get; init; }
    public int Units { get; init; }
    public decimal GrossSales { get; init; }
    public decimal Discounts { get; init; }
    public decimal Commission { get; init; }
    public decimal Refunds { get; init; }
    public int CodOrders { get; init; }
    public int DeliveredOrders { get; init; }
    public int ReturnedOrders { get; init; }
    public int ConfirmCount { get; init; }
    public double ConfirmSeconds { get; init; }
    public int HandoverCount { get; init; }
    public double HandoverSeconds { get; init; }
    public int DeliveryCount { get; init; }
    public double DeliverySeconds { get; init; }
    public int Shipments { get; init; }
    public int FailedShipments { get; init; }
    public int Views { get; init; }
    public int CartAdds { get; init; }

    /// <summary>Gross sales less vouchers, the platform's commission and refunds.</summary>
    public decimal NetRevenue => GrossSales - Discounts - Commission - Refunds;

    public decimal AverageOrderValue => Orders == 0 ? 0 : Math.Round(GrossSales / Orders, 0, MidpointRounding.AwayFromZero);

    public static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    public static double? AverageMinutes(double seconds, int count) => count == 0 ? null : seconds / count / 60;
}
