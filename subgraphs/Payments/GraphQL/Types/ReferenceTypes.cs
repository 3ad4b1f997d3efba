using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.BuildingBlocks.Internal;
using GoShop.Contracts.Shops;
using GoShop.Payments.Balances;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Loaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.GraphQL.Types;

/// <summary>ordering's <c>Order</c>, extended with its payment and its escrow (<c>Order.payment</c>, <c>Order.escrow</c>).</summary>
public sealed class OrderType : ExtendedEntityType<OrderType>
{
    public OrderType() : base("Order")
    {
        Field<PaymentType, IDataLoaderResult<Payment?>>("payment")
            .Description("The order's payment: the one holding its money, else its latest attempt. Its buyer, its seller and admins only; null for " +
                "anyone else, and when the order has no payment yet.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<PaymentByOrderLoader>().Load(context.Source.Id).Then(p => p is not null && viewer.CanSee(p) ? p : null);
            });
        Field<EscrowType, IDataLoaderResult<Escrow?>>("escrow")
            .Description("The order's money held for buyer protection, once paid. Its buyer, its seller and admins only; null for anyone else, " +
                "and until the payment is captured.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<EscrowByOrderLoader>().Load(context.Source.Id).Then(e => e is not null && viewer.CanSee(e) ? e : null);
            });
    }
}

/// <summary>The shops subgraph's <c>Shop</c>, extended with its balance (<c>Shop.balance</c>).</summary>
public sealed class ShopType : ExtendedEntityType<ShopType>
{
    public ShopType() : base("Shop")
    {
        Field<ShopBalanceType, ShopBalance>("balance")
            .Description("What the shop earned through GoShop: released money less commission, refunds and chargebacks, what is still held, and " +
                "what it owes. " +
                "The shop's owner (checked with the shops subgraph), the seller of any of its orders with a payment, and admins only; null " +
                "for anyone else. Needs a signed-in user; a SHOPS_UNAVAILABLE error when the owner cannot be checked.")
            .ResolveAsync(async context =>
            {
                var viewer = Viewer.Of(context);
                if (viewer.UserId is not { } userId)
                    throw GraphQLErrors.Unauthenticated();
                var db = context.Service<PaymentsDbContext>();
                var shopId = context.Source.Id;
                if (!viewer.IsAdmin && !await db.PaymentOrders.AnyAsync(o => o.ShopId == shopId && o.SellerId == userId, context.CancellationToken)
                    && !await IsOwnerAsync(context, shopId, userId))
                    return null;
                var entries = await db.ShopLedger.AsNoTracking().Where(e => e.ShopId == shopId).OrderByDescending(e => e.Id).ToListAsync(context.CancellationToken);
                var held = await db.Escrows.AsNoTracking().Where(e => e.ShopId == shopId && (e.Status == EscrowStatus.Held || e.Status == EscrowStatus.Frozen))
                    .SumAsync(e => e.Amount - e.RefundedAmount, context.CancellationToken);
                var debt = await context.Service<ShopBalances>().DebtAsync(shopId, context.CancellationToken);
                return new ShopBalance(Money.Vnd(entries.Sum(e => e.Amount)), Money.Vnd(held), Money.Vnd(debt), entries);
            });
        Field<ConnectionType<PayoutType, Payout>, Connection<Payout>>("payouts")
            .Description("The shop's payouts, newest first. Its owner (checked with the shops subgraph) and admins only; null for anyone else. " +
                "Needs a signed-in user; a SHOPS_UNAVAILABLE error when the owner cannot be checked.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var viewer = Viewer.Of(context);
                if (viewer.UserId is not { } userId)
                    throw GraphQLErrors.Unauthenticated();
                var shopId = context.Source.Id;
                if (!viewer.IsAdmin && !await IsOwnerAsync(context, shopId, userId))
                    return null;
                return await context.Service<PaymentsDbContext>().Payouts.AsNoTracking().Where(p => p.ShopId == shopId)
                    .ToConnectionByIdAsync(p => p.Id, context.Page(), newestFirst: true, context.CancellationToken);
            });
    }

    /// <summary>Whether the shops subgraph says <paramref name="userId"/> owns the shop; it not answering is a SHOPS_UNAVAILABLE error.</summary>
    private static async Task<bool> IsOwnerAsync(IResolveFieldContext context, Guid shopId, Guid userId)
    {
        var shops = context.RequestServices!.GetRequiredService<ShopDirectory>();
        var logger = context.RequestServices!.GetRequiredService<ILogger<ShopType>>();
        var lookup = await InternalApi.CallAsync(() => shops.FindAsync(shopId, context.CancellationToken), PaymentErrors.ShopsUnavailable, logger, context.CancellationToken);
        if (!lookup.Succeeded)
            throw new ExecutionError(lookup.Error.Message) { Code = lookup.Error.Code };
        return lookup.Value?.OwnerId == userId;
    }
}

/// <summary>A shop's money: its balance (the sum of its ledger), what is held for it, what it owes, and the ledger newest first.</summary>
public sealed record ShopBalance(Money Available, Money Held, Money Debt, IReadOnlyList<ShopLedgerEntry> Entries);

public sealed class ShopBalanceType : ObjectGraphType<ShopBalance>
{
    public ShopBalanceType()
    {
        Name = "ShopBalance";
        Description = "A shop's money at GoShop, in VND: what it may be paid out, what is still held for it, what it owes, and the ledger behind it.";
        Field<NonNullGraphType<MoneyType>, Money>("available").Description("The sum of the shop's ledger: what it may ask to be paid out; never below zero.").Resolve(context => context.Source.Available);
        Field<NonNullGraphType<MoneyType>, Money>("held").Description("Paid orders' money still held for the shop in escrow (HELD or FROZEN), less what went back to the buyer; not yet in available.").Resolve(context => context.Source.Held);
        Field<NonNullGraphType<MoneyType>, Money>("debt")
            .Description("What the shop owes from refunds and lost chargebacks after release that its balance could not cover (the balance never " +
                "goes below zero); the next money released to the shop pays it first, as DEBT_REPAYMENT entries.")
            .Resolve(context => context.Source.Debt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopLedgerEntryType>>>, IReadOnlyList<ShopLedgerEntry>>("entries")
            .Description("The shop's ledger, newest first: every movement of its balance, which is their sum.")
            .Resolve(context => context.Source.Entries);
    }
}

public sealed class PayoutType : ObjectGraphType<Payout>
{
    public PayoutType()
    {
        Name = "Payout";
        Description = "Money paid out of a shop's balance to its bank account.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The payout's id.");
        Field<ShopType, EntityReference<ShopType>>("shop")
            .Description("The shop paid out. Null when shops cannot be reached.")
            .Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<MoneyType>, Money>("amount")
            .Description("How much, in VND; taken out of the shop's balance when it was requested.")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<NonNullGraphType<PayoutStatusType>, PayoutStatus>("status").Description("Where the payout stands.").Resolve(context => context.Source.Status);
        Field(p => p.BankReference, nullable: true).Description("The bank's reference of the transfer, as the admin recorded it; null unless PAID.");
        Field(p => p.FailureReason, nullable: true).Description("Why the transfer failed, as the admin recorded it; null unless FAILED.");
        Field(p => p.RequestedAt).Description("When the shop's owner asked for it.");
        Field(p => p.CompletedAt, nullable: true).Description("When it was marked PAID or FAILED; null while PENDING.");
    }
}

public sealed class ShopLedgerEntryType : ObjectGraphType<ShopLedgerEntry>
{
    public ShopLedgerEntryType()
    {
        Name = "ShopLedgerEntry";
        Description = "One movement of a shop's balance, never changed once written.";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry's id.");
        Field<NonNullGraphType<LedgerEntryKindType>, LedgerEntryKind>("kind").Description("What moved the balance.").Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Description("In VND: positive into the balance, negative out of it.")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<OrderType, EntityReference<OrderType>>("order")
            .Description("The order it is about; null for payouts and their reversals.")
            .Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(e => e.At).Description("When it was recorded.");
    }
}

/// <summary>identity's <c>User</c>.</summary>
public sealed class UserType() : KeyOnlyEntityType<UserType>("User");

/// <summary>ordering's <c>Checkout</c>.</summary>
public sealed class CheckoutType() : KeyOnlyEntityType<CheckoutType>("Checkout");
