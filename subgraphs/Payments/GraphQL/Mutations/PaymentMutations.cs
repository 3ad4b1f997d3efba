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

public sealed record StartPaymentInput
{
    [Description("Pay for every order of this checkout at once (exactly one of checkoutId and orderId).")]
    public Guid? CheckoutId { get; init; }

    [Description("Pay for this order.")]
    public Guid? OrderId { get; init; }

    public required PaymentMethod Method { get; init; }

    [Description("Required for online methods; none for COD.")]
    public PaymentGateway? Gateway { get; init; }

    [Description("A repeat with the same key answers the same payment instead of starting another.")]
    public string? IdempotencyKey { get; init; }

    [Description("Pay with a card or wallet saved with the same gateway.")]
    public Guid? SavedPaymentMethodId { get; init; }
}

public sealed record CapturePaymentInput
{
    public required Guid PaymentId { get; init; }
}

public sealed record RefundPaymentInput
{
    public required Guid PaymentId { get; init; }

    [Description("The order whose share to refund; may be left out when the payment is for one order.")]
    public Guid? OrderId { get; init; }

    [Description("How much, in đồng; left out, all that is left of the order's share.")]
    public decimal? Amount { get; init; }

    public required string Reason { get; init; }

    [Description("A repeat with the same key answers the same refund.")]
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
            .Description("The buyer starts paying for an order or a checkout: the payment, and where to pay (redirectUrl) or what Stripe's SDK needs " +
                "(clientSecret). Cash on delivery answers the order's payment awaiting collection.")
            .Authorize()
            .Argument<NonNullGraphType<StartPaymentInputType>>("input")
            .ResolveAsync(async context => await context.Service<PaymentMutations>().StartAsync(context.GetArgument<StartPaymentInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<CapturePaymentPayloadType>, PaymentPayload>("capturePayment")
            .Description("Captures an AUTHORIZED payment (PayPal orders, Stripe manual capture): its buyer or an admin.")
            .Authorize()
            .Argument<NonNullGraphType<CapturePaymentInputType>>("input")
            .ResolveAsync(async context => await context.Service<PaymentMutations>().CaptureAsync(context.GetArgument<CapturePaymentInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<RefundPaymentPayloadType>, RefundPaymentPayload>("refundPayment")
            .Description("Refunds all or part of an order's share of a captured payment, to the original method: the order's seller or an admin.")
            .Authorize()
            .Argument<NonNullGraphType<RefundPaymentInputType>>("input")
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
