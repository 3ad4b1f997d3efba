using GoShop.BuildingBlocks.Domain;

namespace GoShop.Ordering.Domain.Returns;

/// <summary>Units of one order line the buyer wants to send back.</summary>
public sealed record ReturnLineRequest(Guid OrderLineId, int Quantity);

/// <summary>
/// A buyer's return of some units of a delivered order (or all of it): at most one per order. It is priced when asked
/// for (<see cref="ReturnRefunds"/>) and then only moves along <see cref="Moves"/>; who may move it is the order's
/// business (its transition table), so every change of a return is made with its order locked, beside the order's move.
/// </summary>
public sealed class Return
{
    public const int MaxReason = 500;
    public const int MaxPhotos = 6;

    /// <summary>Every legal move of a return; anything else is refused.</summary>
    public static IReadOnlySet<(ReturnStatus From, ReturnStatus To)> Moves { get; } = new HashSet<(ReturnStatus, ReturnStatus)>
    {
        (ReturnStatus.Requested, ReturnStatus.Approved),
        (ReturnStatus.Requested, ReturnStatus.Rejected),
        (ReturnStatus.Approved, ReturnStatus.InTransit),
        (ReturnStatus.InTransit, ReturnStatus.Received),
        (ReturnStatus.Received, ReturnStatus.Refunded),
    };

    private readonly List<ReturnLine> _lines = [];

    private Return()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid ShopId { get; private set; }

    /// <summary>The order's seller: the one who approves or rejects the return.</summary>
    public Guid SellerId { get; private set; }

    public ReturnStatus Status { get; private set; }

    /// <summary>Why the buyer sends it back, trimmed.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Every unit of the order goes back: the refund is the order's whole total, shipping included.</summary>
    public bool WholeOrder { get; private set; }

    public decimal RefundAmount { get; private set; }

    public string Currency { get; private set; } = Money.DefaultCurrency;

    /// <summary>The parcel's weight: every returned unit's weight.</summary>
    public int WeightGrams { get; private set; }

    /// <summary>The buyer's photos of what is wrong (media subgraph ids), at most <see cref="MaxPhotos"/>.</summary>
    public List<Guid> MediaIds { get; private set; } = [];

    /// <summary>The shipment carrying the parcel back, once shipping created it.</summary>
    public Guid? ShipmentId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public DateTimeOffset? RefundedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ReturnLine> Lines => _lines;

    /// <summary>
    /// Prices a return of <paramref name="order"/>: the given lines (each a line of the order, once, 1 to the quantity
    /// bought), or every unit when none are given. Whether the order may be returned now is the order's guard.
    /// </summary>
    public static Result<Return> Request(Order order, string? reason, IReadOnlyList<ReturnLineRequest>? lines, IReadOnlyList<Guid>? mediaIds,
        DateTimeOffset now)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
            return OrderErrors.ReasonRequired;
        if (why.Length > MaxReason)
            return ReturnErrors.ReasonTooLong;
        var photos = (mediaIds ?? []).Distinct().ToList();
        if (photos.Count > MaxPhotos)
            return ReturnErrors.TooManyPhotos;

        var wanted = new List<(OrderLine Line, int Quantity)>();
        if (lines is null || lines.Count == 0)
        {
            wanted.AddRange(order.Lines.OrderBy(l => l.Position).Select(l => (l, l.Quantity)));
        }
        else
        {
            var seen = new HashSet<Guid>();
            foreach (var requested in lines)
            {
                if (!seen.Add(requested.OrderLineId))
                    return ReturnErrors.DuplicateLine(requested.OrderLineId);
                if (order.Lines.FirstOrDefault(l => l.Id == requested.OrderLineId) is not { } line)
                    return ReturnErrors.OrderLineNotFound(requested.OrderLineId);
                if (requested.Quantity < 1 || requested.Quantity > line.Quantity)
                    return ReturnErrors.QuantityOutOfRange(line.Title, line.Quantity);
                wanted.Add((line, requested.Quantity));
            }
            wanted = wanted.OrderBy(w => w.Line.Position).ToList();
        }

        var wholeOrder = order.Lines.All(l => wanted.Any(w => w.Line.Id == l.Id && w.Quantity == l.Quantity));
        var refunds = wholeOrder
            ? ReturnRefunds.OfWholeOrder(order.Fees, wanted.Select(w => (w.Line.UnitPrice, w.Quantity)).ToList())
            : wanted.Select(w => ReturnRefunds.OfUnits(order.Fees, w.Line.UnitPrice, w.Quantity)).ToList();
        var id = Guid.CreateVersion7();
        var @return = new Return
        {
            Id = id,
            OrderId = order.Id,
            BuyerId = order.BuyerId,
            ShopId = order.ShopId,
            SellerId = order.SellerId,
            Status = ReturnStatus.Requested,
            Reason = why,
            WholeOrder = wholeOrder,
            RefundAmount = wholeOrder ? order.Fees.Total : refunds.Sum(),
            Currency = order.Currency,
            WeightGrams = wanted.Sum(w => w.Line.WeightGrams * w.Quantity),
            MediaIds = photos,
            RequestedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        @return._lines.AddRange(wanted.Select((w, i) => ReturnLine.Create(id, i, w.Line, w.Quantity, refunds[i])));
        return @return;
    }

    /// <summary>Whether the return may go to <paramref name="to"/> now, without changing it.</summary>
    public Result CanMove(ReturnStatus to) => Moves.Contains((Status, to)) ? Result.Success : ReturnErrors.InvalidTransition(Status, to);

    public Result Approve(DateTimeOffset now)
    {
        var moved = MoveTo(ReturnStatus.Approved, now);
        if (moved.Succeeded)
            ApprovedAt = now;
        return moved;
    }

    public Result Reject(string reason, DateTimeOffset now)
    {
        var moved = MoveTo(ReturnStatus.Rejected, now);
        if (moved.Succeeded)
        {
            RejectedAt = now;
            RejectionReason = reason.Trim();
        }
        return moved;
    }

    /// <summary>Shipping created the parcel's shipment; the first one named stays (a replay changes nothing).</summary>
    public bool RecordShipment(Guid shipmentId, DateTimeOffset now)
    {
        if (ShipmentId is not null)
            return false;
        ShipmentId = shipmentId;
        Touch(now);
        return true;
    }

    /// <summary>A shipper picked the parcel up at the buyer's: APPROVED → IN_TRANSIT; false when it is past that already.</summary>
    public bool PickUp(DateTimeOffset now)
    {
        if (!MoveTo(ReturnStatus.InTransit, now).Succeeded)
            return false;
        PickedUpAt = now;
        return true;
    }

    /// <summary>
    /// The parcel reached the shop: IN_TRANSIT → RECEIVED (a delivery that overtook its pick-up goes through IN_TRANSIT
    /// first); false when it is past that already.
    /// </summary>
    public bool Receive(DateTimeOffset now)
    {
        if (Status == ReturnStatus.Approved)
            PickUp(now);
        if (!MoveTo(ReturnStatus.Received, now).Succeeded)
            return false;
        ReceivedAt = now;
        return true;
    }

    /// <summary>The refund reached the buyer: RECEIVED → REFUNDED; false otherwise (a replay, or a refund nobody asked for yet).</summary>
    public bool MarkRefunded(DateTimeOffset now)
    {
        if (!MoveTo(ReturnStatus.Refunded, now).Succeeded)
            return false;
        RefundedAt = now;
        return true;
    }

    private Result MoveTo(ReturnStatus to, DateTimeOffset now)
    {
        var allowed = CanMove(to);
        if (!allowed.Succeeded)
            return allowed;
        Status = to;
        Touch(now);
        return Result.Success;
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>Units of one order line in a return, copied from the line as it was sold, with what they refund.</summary>
public sealed class ReturnLine
{
    private ReturnLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReturnId { get; private set; }

    /// <summary>The line's place in the return, from 0, in the order's line order.</summary>
    public int Position { get; private set; }

    public Guid OrderLineId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid? VariantId { get; private set; }

    public string Title { get; private set; } = "";

    public string? VariantTitle { get; private set; }

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public decimal RefundAmount { get; private set; }

    /// <summary>The weight of one unit.</summary>
    public int WeightGrams { get; private set; }

    internal static ReturnLine Create(Guid returnId, int position, OrderLine line, int quantity, decimal refund) => new()
    {
        Id = Guid.CreateVersion7(),
        ReturnId = returnId,
        Position = position,
        OrderLineId = line.Id,
        ProductId = line.ProductId,
        VariantId = line.VariantId,
        Title = line.Title,
        VariantTitle = line.VariantTitle,
        Quantity = quantity,
        UnitPrice = line.UnitPrice,
        RefundAmount = refund,
        WeightGrams = line.WeightGrams,
    };
}
