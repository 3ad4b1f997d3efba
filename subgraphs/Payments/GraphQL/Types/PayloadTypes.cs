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
        Field<PaymentType, Payment>("payment").Resolve(context => context.Source.Payment);
        Field<StringGraphType, string?>("redirectUrl")
            .Description("Where to send the buyer to pay (VNPay, MoMo, PayPal). In sandbox mode, add &outcome=success|failure|cancel.")
            .Resolve(context => context.Source.Payment?.RedirectUrl);
        Field<StringGraphType, string?>("clientSecret")
            .Description("What Stripe's client SDK needs to confirm a card payment.")
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
        Field<PaymentType, Payment>("payment").Resolve(context => context.Source.Payment);
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
        Field<RefundType, Refund>("refund").Resolve(context => context.Source.Refund);
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
        Field<EscrowType, Escrow>("escrow").Resolve(context => context.Source.Escrow);
    }
}

public sealed class OpenDisputePayloadType : PayloadType<EscrowPayload>
{
    public OpenDisputePayloadType()
    {
        Name = "OpenDisputePayload";
        Field<DisputeType, Dispute>("dispute").Resolve(context => context.Source.Dispute);
        Field<EscrowType, Escrow>("escrow").Resolve(context => context.Source.Escrow);
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
        Field<DisputeType, Dispute>("dispute").Resolve(context => context.Source.Resolution?.Dispute);
        Field<EscrowType, Escrow>("escrow").Resolve(context => context.Source.Resolution?.Escrow);
        Field<RefundType, Refund>("refund")
            .Description("The refund a decision for the buyer gave (PENDING while the provider cannot be reached: the sweeper sends it).")
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
        Field<SavedPaymentMethodType, SavedPaymentMethod>("paymentMethod").Resolve(context => context.Source.PaymentMethod);
    }
}

public sealed class SetDefaultPaymentMethodPayloadType : PayloadType<PaymentMethodPayload>
{
    public SetDefaultPaymentMethodPayloadType()
    {
        Name = "SetDefaultPaymentMethodPayload";
        Field<SavedPaymentMethodType, SavedPaymentMethod>("paymentMethod").Resolve(context => context.Source.PaymentMethod);
    }
}

public sealed class DeletePaymentMethodPayloadType : PayloadType<PaymentMethodPayload>
{
    public DeletePaymentMethodPayloadType()
    {
        Name = "DeletePaymentMethodPayload";
        Field<IdGraphType, Guid?>("deletedId").Resolve(context => context.Source.DeletedId);
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
        Description = "How many collections of the shipper were settled, and how much cash that was.";
        Field(p => p.SettledCount);
        Field<NonNullGraphType<MoneyType>, GoShop.BuildingBlocks.Domain.Money>("settledAmount")
            .Resolve(context => GoShop.BuildingBlocks.Domain.Money.Vnd(context.Source.SettledAmount));
    }
}
