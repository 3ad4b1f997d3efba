using System.ComponentModel;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Payments.Charges;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Types;
using GoShop.Payments.Refunds;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static GoShop.BuildingBlocks.GraphQL.Errors.MutationResults;
using static GoShop.Payments.GraphQL.Mutations.MutationResults;

namespace GoShop.Payments.GraphQL.Mutations;

[Description("What the buyer pays for (one order or a whole checkout) and how.")]
public sealed record StartPaymentInput
{
    [Description("Pay for every order of this checkout at once; online methods only. Give exactly one of checkoutId and orderId.")]
    public Guid? CheckoutId { get; init; }

    [Description("Pay for this one order of yours (the only way for COD). Give exactly one of checkoutId and orderId.")]
    public Guid? OrderId { get; init; }

    [Description("How to pay: the method the orders were placed with.")]
    public required PaymentMethod Method { get; init; }

    [Description("The provider to pay through: required for online methods, and it must take the method (CARD: STRIPE or VNPAY; "
        + "E_WALLET: MOMO or PAYPAL; BANK_TRANSFER: VNPAY). Left out for COD.")]
    public PaymentGateway? Gateway { get; init; }

    [Description("Up to 100 characters. A repeat with the same key answers the same payment instead of starting another (after "
        + "GATEWAY_UNAVAILABLE it asks the provider again); left out, every call starts a new attempt. Ignored for COD: an order has one "
        + "cash-on-delivery payment.")]
    public string? IdempotencyKey { get; init; }

    [Description("Pay with one of your saved cards or wallets; it must be saved with the same gateway. Not for COD.")]
    public Guid? SavedPaymentMethodId { get; init; }
}

[Description("Which payment to capture.")]
public sealed record CapturePaymentInput
{
    [Description("The AUTHORIZED payment's id; you must be its buyer, unless you are an admin.")]
    public required Guid PaymentId { get; init; }
}

[Description("Which order's share of a payment to refund, how much and why.")]
public sealed record RefundPaymentInput
{
    [Description("The captured payment's id.")]
    public required Guid PaymentId { get; init; }

    [Description("The order whose share to refund; may be left out when the payment is for one order. You must be its seller, unless you "
        + "are an admin.")]
    public Guid? OrderId { get; init; }

    [Description("How much, in whole đồng, above 0: at most what is left of the order's share, less refunds still PENDING. Left out: all "
        + "of that.")]
    public decimal? Amount { get; init; }

    [Description("Why, up to 500 characters; PayPal shows it to the buyer.")]
    public required string Reason { get; init; }

    [Description("Up to 100 characters, unique per payment: a repeat with the same key answers the same refund instead of refunding again.")]
    public required string IdempotencyKey { get; init; }
}

public sealed class StartPaymentInputType : AutoRegisteringInputObjectGraphType<StartPaymentInput>;

public sealed class CapturePaymentInputType : AutoRegisteringInputObjectGraphType<CapturePaymentInput>;

public sealed class RefundPaymentInputType : AutoRegisteringInputObjectGraphType<RefundPaymentInput>;

/// <summary>startPayment, capturePayment and refundPayment.</summary>
public sealed class PaymentMutations(
    PaymentsDbContext db,
    PaymentStarter starter,
    RefundDesk refunds,
    PaymentCapture capture,
    ICurrentUser currentUser,
    IHttpContextAccessor http)
{
    public const int MaxIdempotencyKey = 100;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StartPaymentPayloadType>, StartPaymentPayload>("startPayment")
            .Description("The signed-in buyer starts paying for one order or a whole checkout, with the method the orders were placed with. " +
                "Online, the orders must be waiting for their payment (PENDING_PAYMENT): the answer is the payment, PENDING until the " +
                "provider's notification captures or fails it, and where to pay (redirectUrl: VNPay, MoMo, PayPal) or what Stripe's SDK " +
                "needs (clientSecret). Cash on delivery, one order at a time, answers the order's payment, AWAITING_COLLECTION until the shipper " +
                "collects the cash. userErrors: TOO_LONG, EXACTLY_ONE_TARGET, GATEWAY_NOT_ALLOWED, ORDER_REQUIRED, GATEWAY_REQUIRED, " +
                "GATEWAY_METHOD_MISMATCH, ORDERING_UNAVAILABLE, ORDER_NOT_FOUND, CHECKOUT_NOT_FOUND, PAYMENT_METHOD_MISMATCH, " +
                "IDEMPOTENCY_KEY_REUSED, ALREADY_PAID, ORDER_NOT_AWAITING_PAYMENT, PAYMENT_METHOD_NOT_FOUND, GATEWAY_UNAVAILABLE, " +
                "PROVIDER_REJECTED, GATEWAY_NOT_CONFIGURED, GATEWAY_AUTHENTICATION_FAILED, INVALID_AMOUNT, INVALID_RESPONSE.")
            .Authorize()
            .Argument<NonNullGraphType<StartPaymentInputType>>("input", "What to pay for, and how.")
            .ResolveAsync(async context => await context.Service<PaymentMutations>().StartAsync(context.GetArgument<StartPaymentInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<CapturePaymentPayloadType>, PaymentPayload>("capturePayment")
            .Description("Captures an AUTHORIZED payment at its provider (PayPal: the order the buyer approved; Stripe: checks that the " +
                "PaymentIntent succeeded): its buyer or an admin. Once captured, each order's share is held in escrow (or refunded by " +
                "itself if the order was cancelled meanwhile). A provider that has not finished leaves the payment AUTHORIZED, and its " +
                "notification completes it; after CAPTURE_FAILED or GATEWAY_UNAVAILABLE it stays AUTHORIZED for another try. userErrors: " +
                "PAYMENT_NOT_FOUND, PAYMENT_NOT_AUTHORIZED, CAPTURE_FAILED, GATEWAY_UNAVAILABLE.")
            .Authorize()
            .Argument<NonNullGraphType<CapturePaymentInputType>>("input", "Which payment to capture.")
            .ResolveAsync(async context => await context.Service<PaymentMutations>().CaptureAsync(context.GetArgument<CapturePaymentInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RefundPaymentPayloadType>, RefundPaymentPayload>("refundPayment")
            .Description("Refunds all or part of an order's share of a captured payment, to the original payment method (for cash on " +
                "delivery, GoShop pays it back itself): the order's seller or an admin. Held money is reduced by the refund; money already " +
                "released comes out of the shop's balance (what it cannot cover becomes the shop's debt). userErrors: REQUIRED, TOO_LONG, " +
                "INVALID_AMOUNT, PAYMENT_NOT_FOUND, ORDER_NOT_FOUND, NOT_SELLER, IDEMPOTENCY_KEY_REUSED, NOT_REFUNDABLE, " +
                "REFUND_EXCEEDS_REFUNDABLE, REFUND_FAILED.")
            .Authorize()
            .Argument<NonNullGraphType<RefundPaymentInputType>>("input", "Which order's share of a payment to refund, how much and why.")
            .ResolveAsync(async context => await context.Service<PaymentMutations>().RefundAsync(context.GetArgument<RefundPaymentInput>("input"), context.CancellationToken));
    }

    private async Task<StartPaymentPayload> StartAsync(StartPaymentInput input, CancellationToken cancellationToken)
    {
        var buyerId = currentUser.RequireId();
        var check = new InputCheck().Text(input.IdempotencyKey, "idempotencyKey", MaxIdempotencyKey, required: false);
        if ((input.OrderId is null) == (input.CheckoutId is null))
            check.Add("EXACTLY_ONE_TARGET", "Give either orderId or checkoutId.", input.OrderId is null ? "orderId" : "checkoutId");
        if (input.Method == PaymentMethod.Cod)
        {
            if (input.Gateway is not null)
                check.Add("GATEWAY_NOT_ALLOWED", "Cash on delivery goes through no gateway.", "gateway");
            if (input.CheckoutId is not null)
                check.Add("ORDER_REQUIRED", "Cash on delivery is paid order by order: give orderId.", "checkoutId");
            if (input.SavedPaymentMethodId is not null)
                check.Add("GATEWAY_NOT_ALLOWED", "Cash on delivery uses no saved method.", "savedPaymentMethodId");
        }
        else if (input.Gateway is not { } gateway)
        {
            check.Add("GATEWAY_REQUIRED", "Choose the gateway to pay through.", "gateway");
        }
        else if (!gateway.Accepts(input.Method))
        {
            check.Add("GATEWAY_METHOD_MISMATCH", $"{gateway.ToContractName()} does not take {input.Method.ToContractName()} payments.", "gateway");
        }
        if (check.HasErrors)
            return Fail<StartPaymentPayload>(check);
        var key = input.IdempotencyKey?.Trim() is { Length: > 0 } given ? given : Guid.CreateVersion7().ToString("N");
        var started = await starter.StartAsync(new StartPaymentRequest(buyerId, input.OrderId, input.CheckoutId, input.Method, input.Gateway, key,
            input.SavedPaymentMethodId, http.HttpContext?.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return started.Succeeded ? new StartPaymentPayload { Payment = started.Value } : Fail<StartPaymentPayload>(started.Error);
    }

    private async Task<PaymentPayload> CaptureAsync(CapturePaymentInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var owner = await db.Payments.Where(p => p.Id == input.PaymentId).Select(p => (Guid?)p.BuyerId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || (owner != userId && !currentUser.IsInRole(Roles.Admin)))
            return Fail<PaymentPayload>(PaymentErrors.PaymentNotFound);
        var captured = await capture.CaptureAsync(input.PaymentId, cancellationToken);
        return captured.Succeeded ? new PaymentPayload { Payment = captured.Value } : Fail<PaymentPayload>(captured.Error);
    }

    private async Task<RefundPaymentPayload> RefundAsync(RefundPaymentInput input, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var check = new InputCheck().Text(input.Reason, "reason", Refund.MaxReason).Text(input.IdempotencyKey, "idempotencyKey", MaxIdempotencyKey)
            .WholeDong(input.Amount);
        if (check.HasErrors)
            return Fail<RefundPaymentPayload>(check);
        var payment = await db.WithLedger().AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PaymentId, cancellationToken);
        var viewer = Viewer.Of(currentUser);
        if (payment is null || !viewer.CanSee(payment))
            return Fail<RefundPaymentPayload>(PaymentErrors.PaymentNotFound);
        var orderId = input.OrderId ?? (payment.Orders.Count == 1 ? payment.Orders[0].OrderId : null);
        if (orderId is not { } order || payment.Orders.All(o => o.OrderId != order))
            return Fail<RefundPaymentPayload>(PaymentErrors.OrderNotFound);
        if (!viewer.IsAdmin && !viewer.IsSellerOf(payment, order))
            return Fail<RefundPaymentPayload>(PaymentErrors.NotSeller);
        var refunded = await refunds.RefundNowAsync(payment.Id, order, input.Amount, input.Reason.Trim(), input.IdempotencyKey.Trim(), userId, cancellationToken);
        return refunded.Succeeded ? new RefundPaymentPayload { Refund = refunded.Value } : Fail<RefundPaymentPayload>(refunded.Error);
    }
}
