namespace GoShop.Analytics.Domain;

/// <summary>Money that went back to a buyer for an order (a cancelled paid order, or a return).</summary>
public sealed record RefundFact(Guid RefundId, Guid OrderId, decimal Amount, DateTimeOffset OccurredAt);
