using System.ComponentModel;
using GoShop.BuildingBlocks.Domain;
using GoShop.Contracts.Search;

namespace GoShop.Search.Domain;

public enum PriceAlertStatus
{
    [Description("Waiting: fires when the product can be bought at the target price or less.")]
    Active,

    [Description("Fired once (triggeredAt says when); it will not fire again.")]
    Triggered,
}

/// <summary>
/// A buyer's wish to hear when a product can be bought at a target price or less. It fires once: the move to
/// TRIGGERED and its <see cref="PriceAlertTriggered"/> event are saved together, so a repeated price event finds it
/// TRIGGERED and sends nothing.
/// </summary>
public sealed class PriceAlert
{
    public const int MaxActivePerBuyer = 100;

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid ProductId { get; private set; }

    public decimal TargetPrice { get; private set; }

    public string Currency { get; private set; } = Money.DefaultCurrency;

    public PriceAlertStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? TriggeredAt { get; private set; }

    public string? TriggerReason { get; private set; }

    public static Result<PriceAlert> Create(Guid userId, ProductCopy product, decimal targetPrice, DateTimeOffset now)
    {
        if (product.InStock && product.EffectivePriceAt(now) <= targetPrice)
            return SearchErrors.TargetAlreadyReached(product.EffectivePriceAt(now));
        return new PriceAlert
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            ProductId = product.Id,
            TargetPrice = targetPrice,
            Currency = product.Currency,
            Status = PriceAlertStatus.Active,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Fires when the product can be bought at the target or less; the reason is BACK_IN_STOCK when it could not be
    /// bought before this change only for want of stock.
    /// </summary>
    public PriceAlertTriggered? Check(ProductCopy product, bool wasInStock, DateTimeOffset now)
    {
        if (Status != PriceAlertStatus.Active || !product.InStock || product.Deleted)
            return null;
        var price = product.EffectivePriceAt(now);
        if (price > TargetPrice)
            return null;
        Status = PriceAlertStatus.Triggered;
        TriggeredAt = now;
        TriggerReason = wasInStock ? PriceAlertReasons.PriceReached : PriceAlertReasons.BackInStock;
        return new PriceAlertTriggered(Id, UserId, ProductId, product.ShopId, product.Title, TargetPrice, price, product.Currency, TriggerReason, now);
    }
}
