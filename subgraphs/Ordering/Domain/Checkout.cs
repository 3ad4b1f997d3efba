namespace GoShop.Ordering.Domain;

/// <summary>
/// What a buyer placed in one go: one <see cref="Order"/> per shop, paid with one method. An idempotency key, when the
/// buyer sends one, names the checkout: placing again with the same key answers this checkout and changes nothing.
/// </summary>
public sealed class Checkout
{
    public const int MaxIdempotencyKey = 100;

    private readonly List<Order> _orders = [];

    private Checkout()
    {
    }

    public Guid Id { get; private set; }

    public Guid BuyerId { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<Order> Orders => _orders;

    public static Checkout Start(Guid buyerId, string? idempotencyKey, PaymentMethod paymentMethod, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        BuyerId = buyerId,
        IdempotencyKey = idempotencyKey,
        PaymentMethod = paymentMethod,
        CreatedAt = now,
    };

    /// <summary>Adds the order of one shop under an id chosen beforehand (its stock and coupons are already held under it).</summary>
    public Order AddOrder(Guid orderId, string number, OrderDraft draft, OrderPolicy policy, DateTimeOffset now)
    {
        var order = Order.Place(orderId, Id, number, BuyerId, PaymentMethod, draft, policy, now);
        _orders.Add(order);
        return order;
    }
}
