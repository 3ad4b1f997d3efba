using GoShop.Contracts.Cart;

namespace GoShop.Testing.Fakes;

/// <summary>
/// The cart subgraph's internal API (<see cref="CartDirectory"/>): a test fills a buyer's cart, and reads back the lines
/// that reorder put in it. Lines of a product told to be rejected come back as rejections with that reason.
/// </summary>
public sealed class FakeCartService : FakeInternalService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Cart> _carts = [];
    private readonly Dictionary<Guid, string> _rejections = [];
    private readonly Dictionary<Guid, AddCartLinesResult> _answered = [];
    private bool _loseNextAnswer;

    /// <summary>
    /// The next add of lines is carried out but its answer is lost (503), as when the network drops the response: the
    /// client retries, and a request with a request id gets the first answer again instead of adding the lines twice.
    /// </summary>
    public void LoseNextAnswer()
    {
        lock (_gate)
            _loseNextAnswer = true;
    }

    /// <summary>Puts a line in the buyer's cart and answers it (its item id is what placeOrder's cartItemIds name).</summary>
    public CartLine Add(Guid userId, Guid productId, Guid shopId, int quantity, Guid? variantId = null)
    {
        var line = new CartLine(Guid.CreateVersion7(), productId, variantId, shopId, quantity);
        lock (_gate)
            CartOf(userId).Items.Add(line);
        return line;
    }

    /// <summary>Applies a coupon code to the part of the buyer's cart from one shop.</summary>
    public void ApplyCoupon(Guid userId, Guid shopId, string code)
    {
        lock (_gate)
        {
            var cart = CartOf(userId);
            cart.Coupons.RemoveAll(c => c.ShopId == shopId);
            cart.Coupons.Add(new CartCoupon(shopId, code));
        }
    }

    /// <summary>Makes every later line of this product come back rejected with <paramref name="reason"/>.</summary>
    public void Reject(Guid productId, string reason = "PRODUCT_UNAVAILABLE")
    {
        lock (_gate)
            _rejections[productId] = reason;
    }

    /// <summary>The lines in the buyer's cart now.</summary>
    public IReadOnlyList<CartLine> Lines(Guid userId)
    {
        lock (_gate)
            return _carts.TryGetValue(userId, out var cart) ? [.. cart.Items] : [];
    }

    protected override async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        if (segments is not ["carts", var user, ..] || !Guid.TryParse(user, out var userId))
            return NotFound();
        if (segments.Length == 2 && IsGet(request))
        {
            lock (_gate)
            {
                return _carts.TryGetValue(userId, out var cart)
                    ? Json(new CartSnapshot(cart.Id, userId, [.. cart.Items], [.. cart.Coupons]))
                    : Json(new CartSnapshot(null, userId, [], []));
            }
        }
        if (segments is [_, _, "lines"] && IsPost(request))
        {
            var body = await ReadAsync<AddCartLinesRequest>(request, cancellationToken);
            lock (_gate)
            {
                if (body.RequestId is { } repeated && _answered.TryGetValue(repeated, out var first))
                    return Json(first);
                var cart = CartOf(userId);
                var rejected = new List<CartLineRejection>();
                foreach (var line in body.Lines)
                {
                    if (_rejections.TryGetValue(line.ProductId, out var reason))
                    {
                        rejected.Add(new CartLineRejection(line.ProductId, line.VariantId, reason, $"Product {line.ProductId} cannot go in the cart."));
                        continue;
                    }
                    var existing = cart.Items.FindIndex(i => i.ProductId == line.ProductId && i.VariantId == line.VariantId);
                    if (existing >= 0)
                        cart.Items[existing] = cart.Items[existing] with { Quantity = Math.Min(999, cart.Items[existing].Quantity + line.Quantity) };
                    else
                        cart.Items.Add(new CartLine(Guid.CreateVersion7(), line.ProductId, line.VariantId, Guid.Empty, line.Quantity));
                }
                var answer = new AddCartLinesResult(cart.Id, body.Lines.Count - rejected.Count, rejected);
                if (body.RequestId is { } requestId)
                    _answered[requestId] = answer;
                if (_loseNextAnswer)
                {
                    _loseNextAnswer = false;
                    return Status(System.Net.HttpStatusCode.ServiceUnavailable);
                }
                return Json(answer);
            }
        }
        return NotFound();
    }

    private Cart CartOf(Guid userId)
    {
        if (!_carts.TryGetValue(userId, out var cart))
            _carts[userId] = cart = new Cart(Guid.CreateVersion7());
        return cart;
    }

    private sealed record Cart(Guid Id)
    {
        public List<CartLine> Items { get; } = [];

        public List<CartCoupon> Coupons { get; } = [];
    }
}
