namespace GoShop.Cart.Domain;

/// <summary>A line of a placed order, as the cart takes it out: which product or variant, and how many.</summary>
public sealed record OrderedLine(Guid ProductId, Guid? VariantId, int Quantity);
