using GoShop.Contracts.Ordering;

namespace GoShop.Analytics.Domain;

/// <summary>One line of an order (numbered from 1 in the order's own order of lines): a product, how many, for how much.</summary>
public sealed class OrderLineFact
{
    private OrderLineFact()
    {
    }

    public Guid OrderId { get; private set; }

    public int LineNumber { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public string Title { get; private set; } = "";

    public int Quantity { get; private set; }

    public decimal LineTotal { get; private set; }

    public static OrderLineFact From(Guid orderId, int lineNumber, OrderLineSnapshot line) => new()
    {
        OrderId = orderId,
        LineNumber = lineNumber,
        ProductId = line.ProductId,
        VariantId = line.VariantId,
        Title = line.Title,
        Quantity = line.Quantity,
        LineTotal = line.LineTotal,
    };
}
