using GoShop.BuildingBlocks.Domain;

namespace GoShop.Ordering.Domain;

/// <summary>Everything an order is placed from, for one shop of a checkout.</summary>
public sealed record OrderDraft(
    Guid ShopId,
    Guid SellerId,
    GeoPoint ShopLocation,
    IReadOnlyList<OrderLineDraft> Lines,
    OrderFees Fees,
    IReadOnlyList<string> CouponCodes,
    OrderAddress DeliveryAddress,
    string? Note);

/// <summary>The time limits orders live by (<c>Ordering:PaymentTimeout</c>, <c>Ordering:ReturnWindow</c>).</summary>
/// <summary>
/// The clock's rules of an order: how long an online payment may take, how long the shop has to confirm a PENDING
/// order, and how long after delivery a return may be asked for.
/// </summary>
public sealed record OrderPolicy(TimeSpan PaymentTimeout, TimeSpan ConfirmationTimeout, TimeSpan ReturnWindow);

/// <summary>Who is moving an order: the roles they hold on it (the first allowed one is recorded) and who they are.</summary>
public sealed record Actor(IReadOnlyList<ActorRole> Roles, Guid? UserId)
{
    public static Actor System { get; } = new([ActorRole.System], null);

    public static Actor Shipper(Guid? shipperId) => new([ActorRole.Shipper], shipperId);
}

/// <summary>The carrier and tracking number a seller gives when handing a parcel over.</summary>
public sealed record ShipmentDetails(string? Carrier, string? TrackingNumber);

/// <summary>A move an order made: the table row, the role it was made in, by whom, from which status, why and when.</summary>
public sealed record AppliedTransition(OrderTransition Transition, ActorRole Role, Guid? ActorId, OrderStatus From, string? Reason, DateTimeOffset At);

/// <summary>
/// The part of a checkout bought from one shop, and the aggregate the order process runs on. Every change goes through
/// <see cref="Apply"/> (a row of <see cref="OrderTransitions"/>) or <see cref="Report"/>, bumps <see cref="Version"/> and
/// writes a timeline entry; moves also write a status history entry. Lines, fees and the delivery address are fixed at
/// placement.
/// </summary>
public sealed class Order
{
    public const int MaxReason = 500;
    public const int MaxNote = 500;
    public const int MaxCarrier = 100;
    public const int MaxTrackingNumber = 100;

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _history = [];
    private readonly List<OrderTimelineEntry> _timeline = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    public Guid CheckoutId { get; private set; }

    /// <summary>The human-readable number buyers and sellers quote, e.g. GS-261126-K7QX3M.</summary>
    public string Number { get; private set; } = "";

    public Guid BuyerId { get; private set; }

    public Guid ShopId { get; private set; }

    /// <summary>The shop's owner when the order was placed: the one who may act as its seller.</summary>
    public Guid SellerId { get; private set; }

    public OrderStatus Status { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public OrderFees Fees { get; private set; } = OrderFees.Zero;

    public string Currency { get; private set; } = Money.DefaultCurrency;

    /// <summary>The coupon codes used on the order, as the shop spells them.</summary>
    public List<string> CouponCodes { get; private set; } = [];

    public OrderAddress DeliveryAddress { get; private set; } = null!;

    /// <summary>Where the parcel is picked up: the shop's location when the order was placed.</summary>
    public GeoPoint ShopLocation { get; private set; } = null!;

    public int WeightGrams { get; private set; }

    public string? Note { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When an unpaid online order is cancelled; none for cash on delivery.</summary>
    public DateTimeOffset? PaymentDueAt { get; private set; }

    /// <summary>While PENDING: when the order is cancelled if its shop has not confirmed it (none in any other status).</summary>
    public DateTimeOffset? ConfirmationDueAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Until when the buyer may ask for a return; set on delivery, the order completes by itself after it.</summary>
    public DateTimeOffset? ReturnDeadline { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Counts the order's changes; each history and timeline entry carries the version it produced.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderStatusChange> History => _history;

    public IReadOnlyList<OrderTimelineEntry> Timeline => _timeline;

    /// <summary>
    /// A new order: PENDING when paid on delivery (for the shop to confirm within <see cref="OrderPolicy.ConfirmationTimeout"/>),
    /// else PENDING_PAYMENT until <see cref="OrderPolicy.PaymentTimeout"/> from now.
    /// </summary>
    public static Order Place(Guid id, Guid checkoutId, string number, Guid buyerId, PaymentMethod paymentMethod, OrderDraft draft,
        OrderPolicy policy, DateTimeOffset now)
    {
        var order = new Order
        {
            Id = id,
            CheckoutId = checkoutId,
            Number = number,
            BuyerId = buyerId,
            ShopId = draft.ShopId,
            SellerId = draft.SellerId,
            Status = paymentMethod.IsOnline() ? OrderStatus.PendingPayment : OrderStatus.Pending,
            PaymentMethod = paymentMethod,
            Fees = draft.Fees,
            CouponCodes = [.. draft.CouponCodes],
            DeliveryAddress = draft.DeliveryAddress,
            ShopLocation = draft.ShopLocation,
            WeightGrams = draft.Lines.Sum(l => l.WeightGrams * l.Quantity),
            Note = draft.Note,
            PlacedAt = now,
            UpdatedAt = now,
            PaymentDueAt = paymentMethod.IsOnline() ? now + policy.PaymentTimeout : null,
            ConfirmationDueAt = paymentMethod.IsOnline() ? null : now + policy.ConfirmationTimeout,
            Version = 1,
        };
        order._lines.AddRange(draft.Lines.Select((line, position) => OrderLine.Create(id, position, line)));
        order._history.Add(OrderStatusChange.Record(id, order.Version, null, order.Status, ActorRole.Buyer, buyerId, null, now));
        var items = draft.Lines.Sum(l => l.Quantity);
        order._timeline.Add(OrderTimelineEntry.Write(id, order.Version, OrderTimelineKind.Placed, "Order placed",
            order.Status == OrderStatus.PendingPayment ? $"{items} item(s); waiting for payment" : $"{items} item(s); paid on delivery", now));
        return order;
    }

    /// <summary>Gives an order being placed another number, when the one it drew is someone else's already.</summary>
    public void Renumber(string number) => Number = number;

    /// <summary>The roles a person holds on this order: its buyer, its seller, an admin; none for anyone else.</summary>
    public IReadOnlyList<ActorRole> RolesOf(Guid? userId, bool isAdmin)
    {
        var roles = new List<ActorRole>();
        if (userId is { } id && id == BuyerId)
            roles.Add(ActorRole.Buyer);
        if (userId is { } seller && seller == SellerId)
            roles.Add(ActorRole.Seller);
        if (isAdmin)
            roles.Add(ActorRole.Admin);
        return roles;
    }

    public bool ReturnWindowOpenAt(DateTimeOffset now) => ReturnDeadline is { } deadline && now < deadline;

    /// <summary>The moves the holder of <paramref name="roles"/> may make now (those needing a reason included).</summary>
    public IEnumerable<OrderTransition> AvailableTo(IReadOnlyList<ActorRole> roles, DateTimeOffset now) =>
        OrderTransitions.All.Where(t => t.From == Status
            && roles.Any(t.Actors.Contains)
            && (!t.NeedsOpenReturnWindow || ReturnWindowOpenAt(now)));

    /// <summary>
    /// Makes the move <paramref name="action"/> leads to from the current status, if the table and its guards allow it.
    /// The timeline shows <paramref name="explanation"/> when given (a sentence for the buyer where the reason is a code),
    /// else the reason.
    /// </summary>
    public Result<AppliedTransition> Apply(OrderAction action, Actor actor, string? reason, OrderPolicy policy, DateTimeOffset now,
        ShipmentDetails? shipment = null, string? explanation = null)
    {
        var decided = OrderTransitions.Decide(Status, action, actor.Roles, reason, ReturnWindowOpenAt(now));
        if (!decided.Succeeded)
            return decided.Error;
        var (transition, role) = decided.Value;
        var from = Status;
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Status = transition.To;
        // The shop's time to confirm runs from the moment the order waits for it (placed with COD, or paid).
        ConfirmationDueAt = Status == OrderStatus.Pending ? now + policy.ConfirmationTimeout : null;
        switch (transition.To)
        {
            case OrderStatus.Shipped when shipment is not null:
                Carrier = Trimmed(shipment.Carrier) ?? Carrier;
                TrackingNumber = Trimmed(shipment.TrackingNumber) ?? TrackingNumber;
                break;
            case OrderStatus.Delivered:
                DeliveredAt = now;
                ReturnDeadline = now + policy.ReturnWindow;
                break;
            case OrderStatus.Completed:
                CompletedAt = now;
                break;
            case OrderStatus.Cancelled:
                CancelledAt = now;
                break;
        }
        Touch(now);
        _history.Add(OrderStatusChange.Record(Id, Version, from, Status, role, actor.UserId, why, now));
        _timeline.Add(OrderTimelineEntry.Write(Id, Version, transition.Timeline, transition.Title, explanation ?? why ?? DetailOf(transition), now));
        return new AppliedTransition(transition, role, actor.UserId, from, why, now);
    }

    /// <summary>Writes news that does not move the order (a shipment update, a refund of a cancelled order) on its timeline.</summary>
    public void Report(OrderTimelineKind kind, string title, string? detail, DateTimeOffset now)
    {
        Touch(now);
        _timeline.Add(OrderTimelineEntry.Write(Id, Version, kind, title, detail, now));
    }

    private string? DetailOf(OrderTransition transition) =>
        transition.To == OrderStatus.Shipped && (Carrier ?? TrackingNumber) is not null
            ? string.Join(", ", new[] { Carrier, TrackingNumber is null ? null : "tracking " + TrackingNumber }.Where(p => p is not null))
            : null;

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
