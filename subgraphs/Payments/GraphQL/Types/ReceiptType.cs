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
        Description = "What a captured payment paid for, to show or print: each order's lines and fees as sold, the totals, and what went " +
            "back to the buyer since. Amounts in VND.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("The payment's id.").Resolve(context => context.Source.Payment.Id);
        Field(r => r.Number).Description("The receipt's number: RC- and the first 12 hex digits of the payment's id, upper case (e.g. RC-0193A1B2C3D4).");
        Field<NonNullGraphType<PaymentType>, Payment>("payment").Description("The payment it is for.").Resolve(context => context.Source.Payment);
        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("issuedAt")
            .Description("When the money was captured.")
            .Resolve(context => context.Source.Payment.CapturedAt ?? context.Source.Payment.CreatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceiptOrderType>>>, IReadOnlyList<OrderRecord>>("orders")
            .Description("The orders paid for, by id.")
            .Resolve(context => context.Source.Orders);
        Field<NonNullGraphType<ReceiptFeesType>, ReceiptFees>("fees")
            .Description("The orders' fees added up; total is what the payment charged, refunded what went back since (refunds and lost chargebacks).")
            .Resolve(context => new ReceiptFees(context.Source.Sum(o => o.Subtotal), context.Source.Sum(o => o.ShippingFee), context.Source.Sum(o => o.Tax),
                context.Source.Sum(o => o.Discount), context.Source.Payment.Amount, context.Source.Payment.Refunded));
    }
}

public sealed class ReceiptOrderType : ObjectGraphType<OrderRecord>
{
    public ReceiptOrderType()
    {
        Name = "ReceiptOrder";
        Description = "One order on a receipt, as it was sold.";
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order. Null when ordering cannot be reached.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(o => o.Number).Description("The order's number, as the buyer knows it.");
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop that sold it. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceiptLineType>>>, List<ReceiptLine>>("lines")
            .Description("What was bought, line by line.")
            .Resolve(context => context.Source.Lines);
        Field<NonNullGraphType<ReceiptFeesType>, ReceiptFees>("fees")
            .Description("The order's fees; their refunded is null (see the receipt's fees).")
            .Resolve(context => new ReceiptFees(context.Source.Subtotal, context.Source.ShippingFee, context.Source.Tax, context.Source.Discount,
                context.Source.Total, null));
    }
}

public sealed class ReceiptLineType : ObjectGraphType<ReceiptLine>
{
    public ReceiptLineType()
    {
        Name = "ReceiptLine";
        Description = "One line of an order, as it was sold.";
        Field(l => l.Title).Description("The product's title when the order was placed.");
        Field(l => l.VariantTitle, nullable: true).Description("The variant's title when the order was placed; null when there was none.");
        Field(l => l.Sku, nullable: true).Description("The variant's SKU; null when it had none.");
        Field(l => l.Quantity).Description("How many units.");
        Field<NonNullGraphType<MoneyType>, Money>("unitPrice").Description("The price of one unit, in VND.").Resolve(context => Money.Vnd(context.Source.UnitPrice));
        Field<NonNullGraphType<MoneyType>, Money>("lineTotal")
            .Description("unitPrice times quantity, in VND.")
            .Resolve(context => Money.Vnd(context.Source.LineTotal));
    }
}

/// <summary>The fees of a receipt or of one of its orders; <see cref="Refunded"/> only on the whole receipt.</summary>
public sealed record ReceiptFees(decimal Subtotal, decimal ShippingFee, decimal Tax, decimal Discount, decimal Total, decimal? Refunded);

public sealed class ReceiptFeesType : ObjectGraphType<ReceiptFees>
{
    public ReceiptFeesType()
    {
        Name = "ReceiptFees";
        Description = "What was paid, in whole đồng: total = subtotal - discount + shippingFee + tax.";
        Field<NonNullGraphType<MoneyType>, Money>("subtotal").Description("The lines' totals added up.").Resolve(context => Money.Vnd(context.Source.Subtotal));
        Field<NonNullGraphType<MoneyType>, Money>("shippingFee").Description("The shipping fee.").Resolve(context => Money.Vnd(context.Source.ShippingFee));
        Field<NonNullGraphType<MoneyType>, Money>("tax").Description("VAT, on the goods after the discount.").Resolve(context => Money.Vnd(context.Source.Tax));
        Field<NonNullGraphType<MoneyType>, Money>("discount").Description("What coupons took off the goods.").Resolve(context => Money.Vnd(context.Source.Discount));
        Field<NonNullGraphType<MoneyType>, Money>("total").Description("What the buyer paid.").Resolve(context => Money.Vnd(context.Source.Total));
        Field<MoneyType, Money>("refunded")
            .Description("On a receipt's own fees: what went back to the buyer since (refunds and lost chargebacks). Null on an order's fees.")
            .Resolve(context => context.Source.Refunded is { } refunded ? Money.Vnd(refunded) : null);
    }
}
