using GoShop.Payments.Escrows;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Payments.Domain;
using GraphQL.Types;

namespace GoShop.Payments.GraphQL.Types;

public sealed record StartPaymentPayload : Payload
{
    public Payment? Payment { get; init; }
}

public sealed class StartPaymentPayloadType : PayloadType<StartPaymentPayload>
{
    public StartPaymentPayloadType()
    {
        Name = "StartPaymentPayload";
        Field<PaymentType, Payment>("payment")
            .Description("The payment started, or the one this idempotency key (for cash on delivery: this order) already started; null " +
                "when refused.")
            .Resolve(context => context.Source.Payment);
        Field<StringGraphType, string?>("redirectUrl")
            .Description("Where to send the buyer to pay (VNPay, MoMo, PayPal): the payment's redirectUrl. In sandbox mode, add " +
                "&outcome=success|failure|cancel to skip the choice. Null when there is none (cash on delivery; Stripe unless a hosted page is configured).")
            .Resolve(context => context.Source.Payment?.RedirectUrl);
        Field<StringGraphType, string?>("clientSecret")
            .Description("What Stripe's client SDK needs to confirm a card payment: the payment's clientSecret; null for other gateways.")
            .Resolve(context => context.Source.Payment?.ClientSecret);
    }
}

public sealed record PaymentPayload : Payload
{
    public Payment? Payment { get; init; }
}

public sealed class CapturePaymentPayloadType : PayloadType<PaymentPayload>
{
    public CapturePaymentPayloadType()
    {
        Name = "CapturePaymentPayload";
        Field<PaymentType, Payment>("payment")
            .Description("The payment: CAPTURED, or still AUTHORIZED while the provider finishes the capture (its notification completes " +
                "it); null when refused.")
            .Resolve(context => context.Source.Payment);
    }
}

public sealed record RefundPaymentPayload : Payload
{
    public Refund? Refund { get; init; }
}

public sealed class RefundPaymentPayloadType : PayloadType<RefundPaymentPayload>
{
    public RefundPaymentPayloadType()
    {
        Name = "RefundPaymentPayload";
        Field<RefundType, Refund>("refund")
            .Description("The refund: SUCCEEDED, or PENDING while the provider processes it or cannot be reached (GoShop sends it again); " +
                "null when refused.")
            .Resolve(context => context.Source.Refund);
    }
}

public sealed record EscrowPayload : Payload
{
    public Escrow? Escrow { get; init; }

    public Dispute? Dispute { get; init; }
}

public sealed class ConfirmReceiptPayloadType : PayloadType<EscrowPayload>
{
    public ConfirmReceiptPayloadType()
    {
        Name = "ConfirmReceiptPayload";
        Field<EscrowType, Escrow>("escrow").Description("The order's escrow, now RELEASED; null when refused.").Resolve(context => context.Source.Escrow);
    }
}

public sealed class OpenDisputePayloadType : PayloadType<EscrowPayload>
{
    public OpenDisputePayloadType()
    {
        Name = "OpenDisputePayload";
        Field<DisputeType, Dispute>("dispute").Description("The new dispute, OPEN; null when refused.").Resolve(context => context.Source.Dispute);
        Field<EscrowType, Escrow>("escrow").Description("The order's escrow, now FROZEN; null when refused.").Resolve(context => context.Source.Escrow);
    }
}

public sealed record ResolveDisputePayload : Payload
{
    public DisputeResolution? Resolution { get; init; }
}

public sealed class ResolveDisputePayloadType : PayloadType<ResolveDisputePayload>
{
    public ResolveDisputePayloadType()
    {
        Name = "ResolveDisputePayload";
        Field<DisputeType, Dispute>("dispute")
            .Description("The decided dispute: LOST (for the buyer) or WON (for the seller); null when refused.")
            .Resolve(context => context.Source.Resolution?.Dispute);
        Field<EscrowType, Escrow>("escrow")
            .Description("The order's escrow: for the seller, HELD again or RELEASED; for the buyer, REFUNDED once the refund has completed. " +
                "Null when refused or when the order has no escrow.")
            .Resolve(context => context.Source.Resolution?.Escrow);
        Field<RefundType, Refund>("refund")
            .Description("The refund a decision for the buyer gave (PENDING while the provider processes it or cannot be reached: GoShop sends " +
                "it again); null for the seller, when nothing was left to refund, or when refused.")
            .Resolve(context => context.Source.Resolution?.Refund);
    }
}

public sealed record PaymentMethodPayload : Payload
{
    public SavedPaymentMethod? PaymentMethod { get; init; }

    public Guid? DeletedId { get; init; }
}

public sealed class SavePaymentMethodPayloadType : PayloadType<PaymentMethodPayload>
{
    public SavePaymentMethodPayloadType()
    {
        Name = "SavePaymentMethodPayload";
        Field<SavedPaymentMethodType, SavedPaymentMethod>("paymentMethod").Description("The saved method; null when refused.").Resolve(context => context.Source.PaymentMethod);
    }
}

public sealed class SetDefaultPaymentMethodPayloadType : PayloadType<PaymentMethodPayload>
{
    public SetDefaultPaymentMethodPayloadType()
    {
        Name = "SetDefaultPaymentMethodPayload";
        Field<SavedPaymentMethodType, SavedPaymentMethod>("paymentMethod").Description("The method, now the default; null when refused.").Resolve(context => context.Source.PaymentMethod);
    }
}

public sealed class DeletePaymentMethodPayloadType : PayloadType<PaymentMethodPayload>
{
    public DeletePaymentMethodPayloadType()
    {
        Name = "DeletePaymentMethodPayload";
        Field<IdGraphType, Guid?>("deletedId").Description("The id of the deleted method; null when refused.").Resolve(context => context.Source.DeletedId);
    }
}

public sealed record CodSettlementPayload : Payload
{
    public int SettledCount { get; init; }

    public decimal SettledAmount { get; init; }
}

public sealed class RecordCodSettlementPayloadType : PayloadType<CodSettlementPayload>
{
    public RecordCodSettlementPayloadType()
    {
        Name = "RecordCodSettlementPayload";
        Description = "What `recordCodSettlement` returns: how many collections of the shipper were settled and how much cash that was, or " +
            "`userErrors` saying why nothing changed.";
        Field(p => p.SettledCount).Description("How many cash collections were settled; 0 when refused.");
        Field<NonNullGraphType<MoneyType>, GoShop.BuildingBlocks.Domain.Money>("settledAmount")
            .Description("The cash they add up to, as the shipper reported collecting it, in VND; 0 when refused.")
            .Resolve(context => GoShop.BuildingBlocks.Domain.Money.Vnd(context.Source.SettledAmount));
    }
}
