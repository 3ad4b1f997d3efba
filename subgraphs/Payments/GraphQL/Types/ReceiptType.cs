using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Payments.Domain;
using GraphQL.Types;

namespace GoShop.Payments.GraphQL.Types;

/// <summary>
/// What a captured payment paid for, to print: each order's lines as they were sold and its fees, the totals, and what
/// has been refunded since. Built from the orders as ordering's events and lookups told payments.
/// </summary>
public sealed record Receipt(Payment Payment, IReadOnlyList<OrderRecord> Orders)
{
    public string Number => "RC-" + Payment.Id.ToString("N")[..12].ToUpperInvariant();

    public decimal Sum(Func<OrderRecord, decimal> fee) => Orders.Sum(fee);
}

public sealed class ReceiptType : ObjectGraphType<Receipt>
{
    public ReceiptType()
    {
        Name = "Receipt";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("The payment's id.").Resolve(context => context.Source.Payment.Id);
        Field(r => r.Number);
        Field<NonNullGraphType<PaymentType>, Payment>("payment").Resolve(context => context.Source.Payment);
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("issuedAt")
            .Description("When the money was captured.")
            .Resolve(context => context.Source.Payment.CapturedAt ?? context.Source.Payment.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceiptOrderType>>>, IReadOnlyList<OrderRecord>>("orders").Resolve(context => context.Source.Orders);
        Field<NonNullGraphType<ReceiptFeesType>, ReceiptFees>("fees")
            .Resolve(context => new ReceiptFees(context.Source.Sum(o => o.Subtotal), context.Source.Sum(o => o.ShippingFee), context.Source.Sum(o => o.Tax),
                context.Source.Sum(o => o.Discount), context.Source.Payment.Amount, context.Source.Payment.Refunded));
    }
}

public sealed class ReceiptOrderType : ObjectGraphType<OrderRecord>
{
    public ReceiptOrderType()
    {
        Name = "ReceiptOrder";
        Field<NonNullGraphType<OrderType>, EntityReference<OrderType>>("order").Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(o => o.Number);
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceiptLineType>>>, List<ReceiptLine>>("lines").Resolve(context => context.Source.Lines);
        Field<NonNullGraphType<ReceiptFeesType>, ReceiptFees>("fees")
            .Resolve(context => new ReceiptFees(context.Source.Subtotal, context.Source.ShippingFee, context.Source.Tax, context.Source.Discount,
                context.Source.Total, null));
    }
}

public sealed class ReceiptLineType : ObjectGraphType<ReceiptLine>
{
    public ReceiptLineType()
    {
        Name = "ReceiptLine";
        Field(l => l.Title);
        Field(l => l.VariantTitle, nullable: true);
        Field(l => l.Sku, nullable: true);
        Field(l => l.Quantity);
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice").Resolve(context => Money.Vnd(context.Source.UnitPrice));
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal").Resolve(context => Money.Vnd(context.Source.LineTotal));
    }
}

/// <summary>The fees of a receipt or of one of its orders; <see cref="Refunded"/> only on the whole receipt.</summary>
public sealed record ReceiptFees(decimal Subtotal, decimal ShippingFee, decimal Tax, decimal Discount, decimal Total, decimal? Refunded);

public sealed class ReceiptFeesType : ObjectGraphType<ReceiptFees>
{
    public ReceiptFeesType()
    {
        Name = "ReceiptFees";
        Description = "total = subtotal - discount + shippingFee + tax, in whole đồng; refunded is what went back to the buyer since.";
        Field<NonNullGraphType<MoneyType>, Money>("subtotal").Resolve(context => Money.Vnd(context.Source.Subtotal));
        Field<NonNullGraphType<MoneyType>, Money>("shippingFee").Resolve(context => Money.Vnd(context.Source.ShippingFee));
        Field<NonNullGraphType<MoneyType>, Money>("tax").Resolve(context => Money.Vnd(context.Source.Tax));
        Field<NonNullGraphType<MoneyType>, Money>("discount").Resolve(context => Money.Vnd(context.Source.Discount));
        Field<NonNullGraphType<MoneyType>, Money>("total").Resolve(context => Money.Vnd(context.Source.Total));
        Field<MoneyType, Money>("refunded").Resolve(context => context.Source.Refunded is { } refunded ? Money.Vnd(refunded) : null);
    }
}
