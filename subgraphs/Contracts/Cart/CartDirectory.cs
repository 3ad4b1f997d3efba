using System.Net.Http.Json;

namespace GoShop.Contracts.Cart;

/// <summary>One line of a buyer's active cart: a product (or one variant of it) of a shop, and how many.</summary>
public sealed record CartLine(Guid ItemId, Guid ProductId, Guid? VariantId, Guid ShopId, int Quantity);

/// <summary>A coupon code the buyer applied to the part of the cart from one shop.</summary>
public sealed record CartCoupon(Guid ShopId, string Code);

/// <summary>The buyer's active cart as ordering reads it when placing an order (empty when the buyer has none).</summary>
public sealed record CartSnapshot(Guid? CartId, Guid UserId, IReadOnlyList<CartLine> Items, IReadOnlyList<CartCoupon> Coupons);

/// <summary>A line to put in a cart (merged with the same product and variant when already there).</summary>
public sealed record CartLineRequest(Guid ProductId, Guid? VariantId, int Quantity);

/// <summary>
/// Put several lines in a buyer's active cart at today's prices (reorder). The same <see cref="RequestId"/> again (a
/// retry) answers the first result and adds nothing more; give a new one per action of the buyer.
/// </summary>
public sealed record AddCartLinesRequest(IReadOnlyList<CartLineRequest> Lines, Guid? RequestId = null);

/// <summary>
/// A line that could not go in the cart, with a <see cref="Reason"/> code to branch on: PRODUCT_NOT_FOUND,
/// PRODUCT_UNAVAILABLE, OUT_OF_STOCK or QUANTITY_OUT_OF_RANGE, and a <see cref="Message"/> to show the buyer.
/// </summary>
public sealed record CartLineRejection(Guid ProductId, Guid? VariantId, string Reason, string Message);

/// <summary>The cart the lines went into, and the lines that did not (the others are in).</summary>
public sealed record AddCartLinesResult(Guid CartId, int Added, IReadOnlyList<CartLineRejection> Rejected);

/// <summary>
/// The cart subgraph's internal API (<c>/internal/carts/{userId}</c>), for ordering. Register with
/// <c>AddInternalApiClient&lt;CartDirectory&gt;(configuration)</c>. Removing what was ordered is not a call:
/// cart consumes <c>OrderPlaced</c>.
/// </summary>
public class CartDirectory(HttpClient http) : IInternalApiClient
{
    public static Subgraph Owner => Subgraph.Cart;

    /// <summary>The buyer's active cart (no cart is an empty snapshot).</summary>
    public virtual async Task<CartSnapshot> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"internal/carts/{userId}", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CartSnapshot>(cancellationToken)
            ?? throw new InvalidOperationException("The cart subgraph answered no cart.");
    }

    /// <summary>Adds lines to the buyer's active cart (creating it), each checked as addToCart checks it.</summary>
    public virtual async Task<AddCartLinesResult> AddLinesAsync(Guid userId, AddCartLinesRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"internal/carts/{userId}/lines", request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<AddCartLinesResult>(cancellationToken)
            ?? throw new InvalidOperationException("The cart subgraph answered nothing.");
    }
}
