namespace GoShop.Ordering.Domain;

/// <summary>A line of an order being placed: what catalog said the product is and costs at that moment.</summary>
public sealed record OrderLineDraft(
    Guid ProductId,
    Guid? VariantId,
    string Title,
    string? VariantTitle,
    string? Sku,
    int Quantity,
    decimal UnitPrice,
    int WeightGrams)
{
    public decimal LineTotal => UnitPrice * Quantity;
}

/// <summary>One product (or variant) of an order, priced when the order was placed; never changes afterwards.</summary>
public sealed class OrderLine
{
    private OrderLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>The line's place in the order, from 0.</summary>
    public int Position { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public string Title { get; private set; } = "";

    public string? VariantTitle { get; private set; }

    public string? Sku { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>The effective price of one unit when the order was placed.</summary>
    public decimal UnitPrice { get; private set; }

    public decimal LineTotal { get; private set; }

    /// <summary>The weight of one unit.</summary>
    public int WeightGrams { get; private set; }

    internal static OrderLine Create(Guid orderId, int position, OrderLineDraft draft) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Position = position,
        ProductId = draft.ProductId,
        VariantId = draft.VariantId,
        Title = draft.Title,
        VariantTitle = draft.VariantTitle,
        Sku = draft.Sku,
        Quantity = draft.Quantity,
        UnitPrice = draft.UnitPrice,
        LineTotal = draft.LineTotal,
        WeightGrams = draft.WeightGrams,
    };
}
