using GoShop.BuildingBlocks.Domain;

namespace GoShop.Payments.Domain;

/// <summary>
/// One attempt to collect the money of one order or of every order of a checkout: through a gateway (the provider's
/// session: its reference, the amount and currency it collects) or in cash at the door. What happened to the money is
/// its ledger of <see cref="PaymentTransaction"/>s; the captured and refunded amounts and <see cref="Status"/> are
/// derived from it, never set by hand.
/// </summary>
public sealed class Payment
{
    private readonly List<PaymentOrder> _orders = [];
    private readonly List<PaymentTransaction> _transactions = [];

    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid BuyerId { get; private set; }

    public Guid? CheckoutId { get; private set; }

    public PaymentMethod Method { get; private set; }

    public PaymentGateway? Gateway { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    /// <summary>The buyer's key for startPayment (or the system's, e.g. "cod:{orderId}"): a repeat answers this payment.</summary>
    public string IdempotencyKey { get; private set; } = "";

    public string? ProviderReference { get; private set; }

    public decimal? ProviderAmount { get; private set; }

    public string? ProviderCurrency { get; private set; }

    public string? RedirectUrl { get; private set; }

    public string? ClientSecret { get; private set; }

    public Guid? SavedMethodId { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CapturedAt { get; private set; }

    public IReadOnlyList<PaymentOrder> Orders => _orders;

    public IReadOnlyList<PaymentTransaction> Transactions => _transactions;

    /// <summary>Our reference at the provider: the id as 32 hex digits.</summary>
    public string Reference => Id.ToString("N");

    public bool IsCod => Method == PaymentMethod.Cod;

    public decimal Captured => Sum(TransactionKind.Capture);

    public decimal Refunded => Sum(TransactionKind.Refund) + Sum(TransactionKind.Chargeback);

    public decimal Refundable => Captured - Refunded;

    public bool HasProviderSession => ProviderReference is not null;

    public static Payment Start(Guid buyerId, Guid? checkoutId, PaymentMethod method, PaymentGateway? gateway, IReadOnlyList<PaymentOrder> orders,
        string idempotencyKey, Guid? savedMethodId, DateTimeOffset at)
    {
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            BuyerId = buyerId,
            CheckoutId = checkoutId,
            Method = method,
            Gateway = method == PaymentMethod.Cod ? null : gateway,
            Currency = "VND",
            IdempotencyKey = idempotencyKey,
            SavedMethodId = savedMethodId,
            CreatedAt = at,
            UpdatedAt = at,
        };
        foreach (var order in orders)
            payment._orders.Add(order.For(payment.Id));
        payment.Amount = orders.Sum(o => o.Amount);
        payment.Derive();
        return payment;
    }

    /// <summary>The provider's session for this payment: where the buyer goes and what the provider will collect.</summary>
    public void AttachSession(string providerReference, string? redirectUrl, string? clientSecret, decimal providerAmount, string providerCurrency, DateTimeOffset at)
    {
        ProviderReference = providerReference;
        RedirectUrl = redirectUrl;
        ClientSecret = clientSecret;
        ProviderAmount = providerAmount;
        ProviderCurrency = providerCurrency;
        UpdatedAt = at;
    }

    /// <summary>Whether a notification's amount and currency are what the provider was asked to collect.</summary>
    public bool MatchesProviderAmount(decimal amount, string currency) =>
        ProviderAmount is { } expected && expected == amount && string.Equals(ProviderCurrency, currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider authorised the money (captured later). Nothing to do when it already moved further.</summary>
    public bool RecordAuthorization(string? providerTransactionId, DateTimeOffset at)
    {
        if (Status is not (PaymentStatus.Pending or PaymentStatus.Failed or PaymentStatus.Cancelled))
            return false;
        Add(TransactionKind.Authorization, Amount, ProviderAmount, providerTransactionId, null, null, at);
        return true;
    }

    /// <summary>
    /// The money was captured (by the provider, or collected in cash). A second capture notification of the same payment
    /// records nothing. A capture after a failure still counts: the money was taken, and is refunded if nobody wants it.
    /// </summary>
    public bool RecordCapture(string? providerTransactionId, decimal amount, DateTimeOffset at)
    {
        if (Captured > 0)
            return false;
        Add(TransactionKind.Capture, amount, ProviderAmount, providerTransactionId, null, null, at);
        CapturedAt = at;
        FailureReason = null;
        return true;
    }

    /// <summary>
    /// An attempt that failed before any provider session existed (the provider could not be reached), started again by
    /// the buyer with the same idempotency key: pending again, for a new session.
    /// </summary>
    public bool Reopen(DateTimeOffset at)
    {
        if (Status != PaymentStatus.Failed || HasProviderSession)
            return false;
        Status = PaymentStatus.Pending;
        FailureReason = null;
        UpdatedAt = at;
        return true;
    }

    /// <summary>The provider declined it or the buyer gave up; a payment whose money already moved stays as it is.</summary>
    public bool RecordFailure(PaymentStatus outcome, string reason, DateTimeOffset at)
    {
        if (Status is not (PaymentStatus.Pending or PaymentStatus.AwaitingCollection or PaymentStatus.Authorized))
            return false;
        Status = outcome;
        FailureReason = reason;
        UpdatedAt = at;
        return true;
    }

    public Result<PaymentTransaction> RecordRefund(Guid refundId, Guid orderId, decimal amount, decimal? providerAmount, string? providerTransactionId, DateTimeOffset at)
    {
        if (amount <= 0 || amount > RefundableFor(orderId))
            return PaymentErrors.RefundTooLarge;
        return Add(TransactionKind.Refund, amount, providerAmount, providerTransactionId, orderId, refundId, at);
    }

    /// <summary>A chargeback the buyer's bank decided against us: the money left, whatever the escrow says.</summary>
    public PaymentTransaction RecordChargeback(decimal amount, string? providerTransactionId, DateTimeOffset at) =>
        Add(TransactionKind.Chargeback, Math.Min(amount, Refundable), ProviderShare(Math.Min(amount, Refundable)), providerTransactionId, null, null, at);

    /// <summary>What of one order's share is left to refund.</summary>
    public decimal RefundableFor(Guid orderId)
    {
        if (Captured == 0 || _orders.SingleOrDefault(o => o.OrderId == orderId) is not { } order)
            return 0;
        var refunded = _transactions.Where(t => t.Kind == TransactionKind.Refund && t.OrderId == orderId).Sum(t => t.Amount);
        return Math.Min(order.Amount - refunded, Refundable);
    }

    /// <summary>The provider amount matching an amount of this payment's currency (PayPal collects another currency).</summary>
    public decimal ProviderShare(decimal amount) =>
        ProviderAmount is { } providerAmount && Amount > 0
            ? Money.Round(providerAmount * amount / Amount, ProviderCurrency ?? Currency)
            : amount;

    /// <summary>The provider's id of the capture (what a refund refers to).</summary>
    public string? CaptureTransactionId => _transactions.FirstOrDefault(t => t.Kind == TransactionKind.Capture)?.ProviderReference;

    private decimal Sum(TransactionKind kind) => _transactions.Where(t => t.Kind == kind).Sum(t => t.Amount);

    private PaymentTransaction Add(TransactionKind kind, decimal amount, decimal? providerAmount, string? providerReference, Guid? orderId,
        Guid? refundId, DateTimeOffset at)
    {
        var transaction = new PaymentTransaction(Id, kind, amount, Currency, providerAmount, ProviderCurrency, providerReference, orderId, refundId,
            _transactions.Count + 1, at);
        _transactions.Add(transaction);
        UpdatedAt = at;
        Derive();
        return transaction;
    }

    private void Derive()
    {
        if (Captured > 0)
        {
            Status = Refunded >= Captured ? PaymentStatus.Refunded : Refunded > 0 ? PaymentStatus.PartiallyRefunded : PaymentStatus.Captured;
            return;
        }
        if (_transactions.Any(t => t.Kind == TransactionKind.Authorization))
            Status = PaymentStatus.Authorized;
        else if (Status is not (PaymentStatus.Failed or PaymentStatus.Cancelled))
            Status = IsCod ? PaymentStatus.AwaitingCollection : PaymentStatus.Pending;
    }
}

/// <summary>One order a payment pays for, and its share of the amount (its total).</summary>
public sealed class PaymentOrder
{
    private PaymentOrder()
    {
    }

    public PaymentOrder(Guid orderId, Guid shopId, Guid sellerId, string orderNumber, decimal amount)
    {
        OrderId = orderId;
        ShopId = shopId;
        SellerId = sellerId;
        OrderNumber = orderNumber;
        Amount = amount;
    }

    public Guid PaymentId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid ShopId { get; private set; }

    public Guid SellerId { get; private set; }

    public string OrderNumber { get; private set; } = "";

    public decimal Amount { get; private set; }

    internal PaymentOrder For(Guid paymentId) => new(OrderId, ShopId, SellerId, OrderNumber, Amount) { PaymentId = paymentId };
}

/// <summary>
/// One movement of money in a payment's ledger, never changed once written: an authorisation, a capture, a refund
/// (of one order's share) or a chargeback, with the provider's reference and the amount in both currencies.
/// </summary>
public sealed class PaymentTransaction
{
    private PaymentTransaction()
    {
    }

    internal PaymentTransaction(Guid paymentId, TransactionKind kind, decimal amount, string currency, decimal? providerAmount, string? providerCurrency,
        string? providerReference, Guid? orderId, Guid? refundId, int sequence, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        PaymentId = paymentId;
        Kind = kind;
        Amount = amount;
        Currency = currency;
        ProviderAmount = providerAmount;
        ProviderCurrency = providerCurrency;
        ProviderReference = providerReference;
        OrderId = orderId;
        RefundId = refundId;
        Sequence = sequence;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public TransactionKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "VND";

    public decimal? ProviderAmount { get; private set; }

    public string? ProviderCurrency { get; private set; }

    public string? ProviderReference { get; private set; }

    public Guid? OrderId { get; private set; }

    public Guid? RefundId { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }
}
