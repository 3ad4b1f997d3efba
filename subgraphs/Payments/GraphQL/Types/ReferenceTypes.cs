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
            .Description("The order's payment: the one holding its money, else its latest attempt. Its buyer, its seller and admins only.")
            .Resolve(context =>
            {
                var viewer = Viewer.Of(context);
                return context.Loader<PaymentByOrderLoader>().Load(context.Source.Id).Then(p => p is not null && viewer.CanSee(p) ? p : null);
            });
        Field<EscrowType, IDataLoaderResult<Escrow?>>("escrow")
            .Description("The order's money held for buyer protection, once paid. Its buyer, its seller and admins only.")
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
                "The shop's owner (checked with the shops subgraph), the seller of its paid orders and admins only.")
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
            .Description("The shop's payouts, newest first. Its owner (checked with the shops subgraph) and admins only; null for anyone else.")
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
        Field<NonNullGraphType<MoneyType>, Money>("available").Description("The sum of the shop's ledger: what it may ask to be paid out; never below zero.").Resolve(context => context.Source.Available);
        Field<NonNullGraphType<MoneyType>, Money>("held").Description("Paid orders' money still in escrow.").Resolve(context => context.Source.Held);
        Field<NonNullGraphType<MoneyType>, Money>("debt")
            .Description("What the shop owes from refunds and lost chargebacks after release that its balance could not cover (the balance never " +
                "goes below zero); the next money released to the shop pays it first, as DEBT_REPAYMENT entries.")
            .Resolve(context => context.Source.Debt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShopLedgerEntryType>>>, IReadOnlyList<ShopLedgerEntry>>("entries")
            .Resolve(context => context.Source.Entries);
    }
}

public sealed class PayoutType : ObjectGraphType<Payout>
{
    public PayoutType()
    {
        Name = "Payout";
        Description = "Money paid out of a shop's balance to its bank account.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShopType>, EntityReference<ShopType>>("shop").Resolve(context => EntityReference.To<ShopType>(context.Source.ShopId));
        Field<NonNullGraphType<MoneyType>, Money>("amount").Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<NonNullGraphType<PayoutStatusType>, PayoutStatus>("status").Resolve(context => context.Source.Status);
        Field(p => p.BankReference, nullable: true);
        Field(p => p.FailureReason, nullable: true);
        Field(p => p.RequestedAt);
        Field(p => p.CompletedAt, nullable: true);
    }
}

public sealed class ShopLedgerEntryType : ObjectGraphType<ShopLedgerEntry>
{
    public ShopLedgerEntryType()
    {
        Name = "ShopLedgerEntry";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<LedgerEntryKindType>, LedgerEntryKind>("kind").Resolve(context => context.Source.Kind);
        Field<NonNullGraphType<MoneyType>, Money>("amount").Description("Positive into the balance, negative out of it.")
            .Resolve(context => new Money(context.Source.Amount, context.Source.Currency));
        Field<OrderType, EntityReference<OrderType>>("order").Resolve(context => EntityReference.To<OrderType>(context.Source.OrderId));
        Field(e => e.At);
    }
}

/// <summary>identity's <c>User</c>.</summary>
public sealed class UserType() : KeyOnlyEntityType<UserType>("User");

/// <summary>ordering's <c>Checkout</c>.</summary>
public sealed class CheckoutType() : KeyOnlyEntityType<CheckoutType>("Checkout");
