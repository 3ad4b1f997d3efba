using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Ordering;
using GoShop.PaymentGateways;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.Gateways;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.Charges;

/// <summary>What a buyer asks startPayment for: one order or a whole checkout, the method and gateway, and their key.</summary>
public sealed record StartPaymentRequest(
    Guid BuyerId,
    Guid? OrderId,
    Guid? CheckoutId,
    PaymentMethod Method,
    PaymentGateway? Gateway,
    string IdempotencyKey,
    Guid? SavedMethodId,
    string? ClientIp);

/// <summary>
/// startPayment: prices the payment from ordering's lookup as the orders are now (they must be the buyer's, placed to
/// be paid this way, and waiting for the payment), writes it, then opens the provider's session. The payment is
/// committed before the provider is asked, and the buyer's idempotency key names it: a repeat, or a retry after the
/// provider did not answer, continues the same payment instead of starting a second one.
/// </summary>
public sealed class PaymentStarter(
    PaymentsDbContext db,
    OrderDirectory orders,
    GatewayDirectory gateways,
    PublicUrls urls,
    TimeProvider clock,
    ILogger<PaymentStarter> logger)
{
    public async Task<Result<Payment>> StartAsync(StartPaymentRequest request, CancellationToken cancellationToken)
    {
        var looked = await InternalApi.CallAsync(() => LookUpAsync(request, cancellationToken), PaymentErrors.OrderingUnavailable, logger, cancellationToken);
        if (!looked.Succeeded)
            return looked.Error;
        var snapshots = looked.Value;
        if (snapshots.Count == 0 || snapshots.Any(o => o.BuyerId != request.BuyerId))
            return request.OrderId is null ? PaymentErrors.CheckoutNotFound : PaymentErrors.OrderNotFound;
        if (snapshots.Any(o => PaymentMethods.FromContractName(o.PaymentMethod) != request.Method))
            return PaymentErrors.MethodMismatch;

        Payment payment;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var key = request.Method == PaymentMethod.Cod ? CodKey(request.OrderId!.Value) : request.IdempotencyKey;
            await db.LockAsync(LockScope, $"{request.BuyerId:N}:{key}", cancellationToken);
            var started = await StartOrContinueAsync(request, snapshots, cancellationToken);
            if (!started.Succeeded)
                return started.Error;
            payment = started.Value;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (payment.IsCod || payment.HasProviderSession || payment.Status != PaymentStatus.Pending)
            return payment;
        return await OpenSessionAsync(payment, request, snapshots, cancellationToken);
    }

    private async Task<Result<Payment>> StartOrContinueAsync(StartPaymentRequest request, IReadOnlyList<OrderSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var orderIds = snapshots.Select(o => o.OrderId).ToList();
        var key = request.Method == PaymentMethod.Cod ? CodKey(orderIds[0]) : request.IdempotencyKey;
        await db.LockOrdersAsync(orderIds, cancellationToken);
        if (await db.WithLedger().SingleOrDefaultAsync(p => p.BuyerId == request.BuyerId && p.IdempotencyKey == key, cancellationToken) is { } existing)
        {
            var sameRequest = existing.Method == request.Method && existing.Gateway == request.Gateway && existing.CheckoutId == request.CheckoutId
                && existing.Orders.Select(o => o.OrderId).Order().SequenceEqual(orderIds.Order());
            if (!sameRequest && !existing.IsCod)
                return PaymentErrors.IdempotencyKeyReused;
            return existing is { Status: PaymentStatus.Failed, HasProviderSession: false, FailureReason: { } reason }
                ? await RetryFailedAttemptAsync(existing, reason, snapshots, cancellationToken)
                : existing;
        }
        if (await db.Escrows.AnyAsync(e => orderIds.Contains(e.OrderId), cancellationToken))
            return PaymentErrors.AlreadyPaid;
        if (!Payable(request.Method, snapshots))
            return PaymentErrors.NotAwaitingPayment;
        SavedPaymentMethod? saved = null;
        if (request.SavedMethodId is { } savedId)
        {
            saved = await db.SavedPaymentMethods.SingleOrDefaultAsync(m => m.Id == savedId && m.UserId == request.BuyerId, cancellationToken);
            if (saved is null || saved.Gateway != request.Gateway)
                return PaymentErrors.MethodNotFound with { Field = "savedPaymentMethodId" };
        }
        var at = clock.GetUtcNow();
        foreach (var snapshot in snapshots)
            await db.RememberOrderAsync(snapshot, at, cancellationToken);
        var payment = Payment.Start(request.BuyerId, request.CheckoutId, request.Method, request.Gateway,
            snapshots.Select(o => new PaymentOrder(o.OrderId, o.ShopId, o.SellerId, o.Number, o.Total)).ToList(), key, saved?.Id, at);
        db.Payments.Add(payment);
        return payment;
    }

    /// <summary>
    /// The same key again after the provider failed to open a session: an unreachable provider is asked again (the
    /// attempt is pending again), a refusal answers the same refusal (a new attempt needs a new key).
    /// </summary>
    private async Task<Result<Payment>> RetryFailedAttemptAsync(Payment attempt, string reason, IReadOnlyList<OrderSnapshot> snapshots,
        CancellationToken cancellationToken)
    {
        if (!GatewayFailure.IsTransientReason(reason))
            return GatewayFailure.ErrorFor(reason);
        if (await db.Escrows.AnyAsync(e => attempt.Orders.Select(o => o.OrderId).Contains(e.OrderId), cancellationToken))
            return PaymentErrors.AlreadyPaid;
        if (!Payable(attempt.Method, snapshots))
            return PaymentErrors.NotAwaitingPayment;
        attempt.Reopen(clock.GetUtcNow());
        return attempt;
    }

    private static bool Payable(PaymentMethod method, IReadOnlyList<OrderSnapshot> snapshots) =>
        method == PaymentMethod.Cod
            ? snapshots.All(o => o.Status is not ("CANCELLED" or "REFUNDED" or "RETURNED"))
            : snapshots.All(o => o.Status == "PENDING_PAYMENT");

    /// <summary>Asks the provider for its session and keeps it on the payment (under its lock: a webhook may be racing in).</summary>
    private async Task<Result<Payment>> OpenSessionAsync(Payment payment, StartPaymentRequest request, IReadOnlyList<OrderSnapshot> snapshots,
        CancellationToken cancellationToken)
    {
        var gateway = payment.Gateway!.Value;
        var token = payment.SavedMethodId is { } savedId
            ? await db.SavedPaymentMethods.Where(m => m.Id == savedId).Select(m => m.Token).SingleOrDefaultAsync(cancellationToken)
            : null;
        var description = snapshots.Count == 1 ? $"GoShop order {snapshots[0].Number}" : $"GoShop checkout of {snapshots.Count} orders";
        var charge = new ChargeRequest(payment.Reference, payment.Amount, payment.Currency, description, urls.Return(payment.Id),
            urls.Webhook(gateway.ToString().ToLowerInvariant()), request.ClientIp, token, clock.GetUtcNow());
        ChargeSession session;
        try
        {
            session = await gateways.Get(gateway).CreateChargeAsync(charge, cancellationToken);
        }
        catch (Exception ex) when (GatewayFailure.Of(ex, cancellationToken) is { } failure)
        {
            // No session, no money moved: the attempt is recorded FAILED (not left pending) and the order keeps waiting for a
            // payment. No PaymentFailed is published: the buyer may pay again (same key after GATEWAY_UNAVAILABLE, else a new one).
            logger.LogWarning(ex, "{Gateway} did not open a session for payment {PaymentId}: {Reason}", gateway, payment.Id, failure.Reason);
            await UpdateLockedAsync(payment.Id, p => p.RecordFailure(PaymentStatus.Failed, failure.Reason, clock.GetUtcNow()), cancellationToken);
            return failure.ToError();
        }
        return await UpdateLockedAsync(payment.Id, locked =>
            locked.AttachSession(session.ProviderReference, session.RedirectUrl, session.ClientSecret, session.ProviderAmount, session.ProviderCurrency, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>Changes the payment under its lock unless a provider session was attached meanwhile (a webhook may be racing in).</summary>
    private async Task<Payment> UpdateLockedAsync(Guid paymentId, Action<Payment> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var locked = (await db.LockPaymentAsync(paymentId, cancellationToken))!;
        if (!locked.HasProviderSession)
            change(locked);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return locked;
    }

    private async Task<IReadOnlyList<OrderSnapshot>> LookUpAsync(StartPaymentRequest request, CancellationToken cancellationToken) =>
        request.OrderId is { } orderId
            ? await orders.FindOrderAsync(orderId, cancellationToken) is { } order ? [order] : []
            : await orders.FindCheckoutOrdersAsync(request.CheckoutId!.Value, cancellationToken);

    /// <summary>The advisory lock scope of a buyer's idempotency key (taken before the orders' locks).</summary>
    public const string LockScope = "start-payment";

    /// <summary>A cash-on-delivery order has one payment, whoever creates it first (its OrderPlaced, or the buyer).</summary>
    public static string CodKey(Guid orderId) => $"cod:{orderId:N}";
}
