namespace GoShop.Catalog.Domain;

public enum ReservationStatus
{
    Held,
    Committed,
    Released,
    Expired,
    Rejected,
}

/// <summary>
/// The stock an order holds, all lines or none, until <see cref="ExpiresAt"/>. One per order id: every
/// call about an order finds this row and answers from it, which is what makes reserve, commit and release idempotent.
/// A held reservation past its expiry no longer counts against availability, whether or not it was swept yet. Once the
/// order it was made for is placed, the hold is kept (no expiry) until the order is delivered (commit) or cancelled (release).
/// </summary>
public sealed class Reservation
{
    private readonly List<ReservationLine> _lines = [];

    private Reservation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public ReservationStatus Status { get; private set; }

    /// <summary>When the hold runs out; null once it is kept for a placed order.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public List<Shortage> Shortages { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ReservationLine> Lines => _lines;

    public static Reservation Hold(Guid orderId, DateTimeOffset expiresAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Status = ReservationStatus.Held,
        // At PostgreSQL's resolution (microseconds), so the first answer and every repeat read from the row agree.
        ExpiresAt = new DateTimeOffset(expiresAt.UtcTicks - expiresAt.UtcTicks % 10, TimeSpan.Zero),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A reservation that held nothing because some lines fell short; kept so a repeat answers the same.</summary>
    public static Reservation Reject(Guid orderId, IEnumerable<RequestedLine> lines, IEnumerable<Shortage> shortages, DateTimeOffset now)
    {
        var reservation = Hold(orderId, now, now);
        reservation.Status = ReservationStatus.Rejected;
        reservation.Shortages = [.. shortages];
        foreach (var line in lines)
            reservation._lines.Add(new ReservationLine(reservation.Id, null, line.ProductId, line.VariantId, line.Quantity));
        return reservation;
    }

    public void AddLine(StockItem stock, int quantity) =>
        _lines.Add(new ReservationLine(Id, stock.Id, stock.ProductId, stock.VariantId, quantity));

    public bool IsExpiredAt(DateTimeOffset now) => Status == ReservationStatus.Held && ExpiresAt <= now;

    /// <summary>Keeps a live hold until it is committed or released: its order was placed.</summary>
    public void Keep(DateTimeOffset now)
    {
        if (Status != ReservationStatus.Held || IsExpiredAt(now))
            throw new InvalidOperationException($"Only a live hold can be kept; this one is {Status}, expiring {ExpiresAt:O}.");
        ExpiresAt = null;
        UpdatedAt = now;
    }

    public void MarkCommitted(DateTimeOffset now) => Finish(ReservationStatus.Committed, now);

    public void MarkReleased(DateTimeOffset now) => Finish(ReservationStatus.Released, now);

    public void MarkExpired(DateTimeOffset now) => Finish(ReservationStatus.Expired, now);

    /// <summary>Whether a repeated request asks for exactly these lines.</summary>
    public bool Matches(IReadOnlyList<RequestedLine> lines) =>
        RequestedLine.Normalize(_lines.Select(l => new RequestedLine(l.ProductId, l.VariantId, l.Quantity))).SequenceEqual(RequestedLine.Normalize(lines));

    private void Finish(ReservationStatus status, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Held)
            throw new InvalidOperationException($"A {Status} reservation cannot become {status}.");
        Status = status;
        UpdatedAt = now;
    }
}

/// <summary>One line of a reservation. A rejected reservation's lines have no stock row.</summary>
public sealed class ReservationLine
{
    private ReservationLine()
    {
    }

    internal ReservationLine(Guid reservationId, Guid? stockItemId, Guid productId, Guid? variantId, int quantity)
    {
        Id = Guid.CreateVersion7();
        ReservationId = reservationId;
        StockItemId = stockItemId;
        ProductId = productId;
        VariantId = variantId;
        Quantity = quantity;
    }

    public Guid Id { get; private set; }

    public Guid ReservationId { get; private set; }

    public Guid? StockItemId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public int Quantity { get; private set; }
}

/// <summary>A line as an order asks for it.</summary>
public sealed record RequestedLine(Guid ProductId, Guid? VariantId, int Quantity)
{
    /// <summary>Lines for the same product and variant merged, in a fixed order, for comparing two requests.</summary>
    public static IReadOnlyList<RequestedLine> Normalize(IEnumerable<RequestedLine> lines) => lines
        .GroupBy(l => (l.ProductId, l.VariantId))
        .Select(g => new RequestedLine(g.Key.ProductId, g.Key.VariantId, g.Sum(l => l.Quantity)))
        .OrderBy(l => l.ProductId).ThenBy(l => l.VariantId)
        .ToList();
}

/// <summary>Why a line of a rejected reservation could not be held.</summary>
public sealed record Shortage(Guid ProductId, Guid? VariantId, int Requested, int Available, string Reason);
