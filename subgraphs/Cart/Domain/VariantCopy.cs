namespace GoShop.Cart.Domain;

/// <summary>
/// The cart's copy of one variant of a catalog product: its own list price and stock (status, listing and any sale
/// come from the product's <see cref="ProductCopy"/>). Its title is known from the lookups made when buyers add it.
/// </summary>
public sealed class VariantCopy
{
    private VariantCopy()
    {
    }

    public Guid VariantId { get; private set; }

    public Guid ProductId { get; private set; }

    public string? Title { get; private set; }

    public decimal Price { get; private set; }

    public int Available { get; private set; }

    public DateTimeOffset PriceAsOf { get; private set; }

    public DateTimeOffset StockAsOf { get; private set; }

    public void ApplyTitle(string? title) => Title = title ?? Title;

    public void ApplyPrice(decimal price, DateTimeOffset asOf)
    {
        if (asOf < PriceAsOf)
            return;
        Price = price;
        PriceAsOf = asOf;
    }

    public void ApplyStock(int available, DateTimeOffset asOf)
    {
        if (asOf < StockAsOf)
            return;
        Available = available;
        StockAsOf = asOf;
    }
}
