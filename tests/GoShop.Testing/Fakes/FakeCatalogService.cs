using System.Net;
using GoShop.Contracts.Catalog;

namespace GoShop.Testing.Fakes;

/// <summary>
/// The catalog subgraph's internal API for cart and ordering: the product lookup (<see cref="ProductDirectory"/>) and
/// stock reservations (<see cref="StockReservations"/>), all-or-nothing and idempotent per key like the real one. A test
/// lists products with their price and stock and reads back what is held, committed and released.
/// </summary>
public sealed class FakeCatalogService : FakeInternalService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid ProductId, Guid? VariantId), ProductSummary> _products = [];
    private readonly Dictionary<(Guid ProductId, Guid? VariantId), int> _onHand = [];
    private readonly Dictionary<Guid, Reservation> _reservations = [];

    /// <summary>Lists a product of a shop, ACTIVE by default, with stock on hand.</summary>
    public ProductSummary AddProduct(Guid shopId, decimal price, int stock, string? title = null, decimal? salePrice = null,
        int weightGrams = 500, string status = "ACTIVE")
    {
        var id = Guid.CreateVersion7();
        var product = new ProductSummary(id, null, shopId, title ?? "Product " + id.ToString("N")[..6], null, null, status,
            price, salePrice ?? price, "VND", stock, weightGrams, null);
        lock (_gate)
        {
            _products[(id, null)] = product;
            _onHand[(id, null)] = stock;
        }
        return product;
    }

    /// <summary>Adds a variant (its own SKU, price and stock) to a listed product.</summary>
    public ProductSummary AddVariant(Guid productId, decimal price, int stock, string variantTitle = "Size M")
    {
        lock (_gate)
        {
            var product = _products[(productId, null)];
            var variantId = Guid.CreateVersion7();
            var variant = product with
            {
                VariantId = variantId, VariantTitle = variantTitle, Sku = "SKU-" + variantId.ToString("N")[..8],
                Price = price, EffectivePrice = price, Available = stock,
            };
            _products[(productId, variantId)] = variant;
            _onHand[(productId, variantId)] = stock;
            return variant;
        }
    }

    /// <summary>Changes a product's (or variant's) list and effective price.</summary>
    public void SetPrice(Guid productId, decimal price, Guid? variantId = null, decimal? effectivePrice = null) =>
        Update(productId, variantId, p => p with { Price = price, EffectivePrice = effectivePrice ?? price });

    /// <summary>Changes a product's status (ACTIVE, INACTIVE, OUT_OF_STOCK, ...) on it and its variants.</summary>
    public void SetStatus(Guid productId, string status)
    {
        lock (_gate)
        {
            foreach (var key in _products.Keys.Where(k => k.ProductId == productId).ToList())
                _products[key] = _products[key] with { Status = status };
        }
    }

    /// <summary>Sets the stock on hand; what is available is that minus what reservations hold.</summary>
    public void SetStock(Guid productId, int onHand, Guid? variantId = null)
    {
        lock (_gate)
            _onHand[(productId, variantId)] = onHand;
    }

    /// <summary>Deletes a product: the lookup no longer knows it.</summary>
    public void Delete(Guid productId)
    {
        lock (_gate)
        {
            foreach (var key in _products.Keys.Where(k => k.ProductId == productId).ToList())
                _products.Remove(key);
        }
    }

    /// <summary>Stock on hand minus what HELD reservations keep.</summary>
    public int Available(Guid productId, Guid? variantId = null)
    {
        lock (_gate)
            return AvailableLocked((productId, variantId));
    }

    /// <summary>The status of the reservation under a key (an order id), or null when none was made.</summary>
    public string? ReservationStatus(Guid key)
    {
        lock (_gate)
            return _reservations.TryGetValue(key, out var reservation) ? reservation.Status : null;
    }

    /// <summary>How many reservations are still HELD.</summary>
    public int HeldReservations
    {
        get
        {
            lock (_gate)
                return _reservations.Values.Count(r => r.Status == ReservationStatuses.Held);
        }
    }

    /// <summary>Every reservation key with its status, for assertions.</summary>
    public IReadOnlyDictionary<Guid, string> Reservations
    {
        get
        {
            lock (_gate)
                return _reservations.ToDictionary(r => r.Key, r => r.Value.Status);
        }
    }

    protected override async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, string[] segments, CancellationToken cancellationToken)
    {
        if (segments is ["products", "lookup"] && IsPost(request))
        {
            var keys = await ReadAsync<List<ProductKey>>(request, cancellationToken);
            lock (_gate)
                return Json(keys.Distinct().Where(k => _products.ContainsKey((k.ProductId, k.VariantId)))
                    .Select(k => _products[(k.ProductId, k.VariantId)] with { Available = AvailableLocked((k.ProductId, k.VariantId)) })
                    .ToList());
        }
        if (segments is not ["reservations", ..])
            return NotFound();
        if (segments.Length == 1 && IsPost(request))
            return Reserve(await ReadAsync<ReserveStockRequest>(request, cancellationToken));
        if (segments.Length < 2 || !Guid.TryParse(segments[1], out var key))
            return NotFound();
        lock (_gate)
        {
            if (!_reservations.TryGetValue(key, out var reservation))
                return NotFound();
            switch (segments.Length, segments.Length > 2 ? segments[2] : null)
            {
                case (2, null) when IsGet(request):
                    break;
                case (3, "commit") when IsPost(request):
                    if (reservation.Status == ReservationStatuses.Held)
                    {
                        foreach (var line in reservation.Lines)
                            _onHand[(line.ProductId, line.VariantId)] -= line.Quantity;
                        reservation.Status = ReservationStatuses.Committed;
                    }
                    break;
                case (3, "release") when IsPost(request):
                    if (reservation.Status == ReservationStatuses.Held)
                        reservation.Status = ReservationStatuses.Released;
                    break;
                default:
                    return NotFound();
            }
            return Json(reservation.Outcome(key));
        }
    }

    private HttpResponseMessage Reserve(ReserveStockRequest request)
    {
        lock (_gate)
        {
            if (_reservations.TryGetValue(request.OrderId, out var existing))
            {
                return existing.Lines.SequenceEqual(request.Lines)
                    ? Json(existing.Outcome(request.OrderId))
                    : Status(HttpStatusCode.Conflict);
            }
            var shortages = new List<StockShortage>();
            foreach (var line in request.Lines)
            {
                var key = (line.ProductId, line.VariantId);
                if (!_products.TryGetValue(key, out var product))
                    shortages.Add(new StockShortage(line.ProductId, line.VariantId, line.Quantity, 0, "PRODUCT_NOT_FOUND"));
                else if (product.Status is not ("ACTIVE" or "OUT_OF_STOCK"))
                    shortages.Add(new StockShortage(line.ProductId, line.VariantId, line.Quantity, 0, "NOT_FOR_SALE"));
                else if (AvailableLocked(key) < line.Quantity)
                    shortages.Add(new StockShortage(line.ProductId, line.VariantId, line.Quantity, AvailableLocked(key), "OUT_OF_STOCK"));
            }
            if (shortages.Count > 0)
                return Json(new ReservationOutcome(request.OrderId, ReservationStatuses.Rejected, null, request.Lines, shortages));
            var reservation = new Reservation([.. request.Lines], DateTimeOffset.UtcNow.AddSeconds(request.HoldSeconds));
            _reservations[request.OrderId] = reservation;
            return Json(reservation.Outcome(request.OrderId));
        }
    }

    private int AvailableLocked((Guid ProductId, Guid? VariantId) key) =>
        _onHand.GetValueOrDefault(key) - _reservations.Values
            .Where(r => r.Status == ReservationStatuses.Held)
            .SelectMany(r => r.Lines)
            .Where(l => (l.ProductId, l.VariantId) == key)
            .Sum(l => l.Quantity);

    private void Update(Guid productId, Guid? variantId, Func<ProductSummary, ProductSummary> change)
    {
        lock (_gate)
            _products[(productId, variantId)] = change(_products[(productId, variantId)]);
    }

    private sealed class Reservation(List<StockLine> lines, DateTimeOffset expiresAt)
    {
        public List<StockLine> Lines { get; } = lines;

        public string Status { get; set; } = ReservationStatuses.Held;

        public ReservationOutcome Outcome(Guid key) => new(key, Status, expiresAt, Lines, []);
    }
}
