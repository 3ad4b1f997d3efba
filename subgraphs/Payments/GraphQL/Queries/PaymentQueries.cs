using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.Payments.Data;
using GoShop.Payments.Domain;
using GoShop.Payments.GraphQL.Loaders;
using GoShop.Payments.GraphQL.Types;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Payments.GraphQL.Queries;

/// <summary>payment(id), myPayments, transactions(paymentId), receipt(id) and myPaymentMethods.</summary>
public static class PaymentQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<PaymentType, IDataLoaderResult<Payment?>>("payment")
            .Description("A payment by id. Its buyer, the sellers of its orders and admins see it; anyone else (signed out included) gets " +
                "null, as for an unknown id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The payment's id.")
            .Resolve(context => Visible(context, context.GetArgument<Guid>("id")));

        query.Field<NonNullGraphType<ConnectionType<PaymentType, Payment>>, Connection<Payment>>("myPayments")
            .Description("The signed-in buyer's payments, every attempt whatever its status, newest first. Needs a signed-in user.")
            .Authorize()
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var buyerId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<PaymentsDbContext>().WithLedger().AsNoTracking().AsSplitQuery().Where(p => p.BuyerId == buyerId)
                    .ToConnectionByIdAsync(p => p.Id, context.Page(), newestFirst: true, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransactionType>>>, IDataLoaderResult<IEnumerable<PaymentTransaction>>>("transactions")
            .Description("The ledger of a payment, oldest first: the same as Payment.transactions. Empty for an unknown payment or one the " +
                "viewer may not see (only its buyer, the sellers of its orders and admins may). Needs a signed-in user.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("paymentId", "The payment's id.")
            .Resolve(context => Visible(context, context.GetArgument<Guid>("paymentId"))
                .Then(p => p?.Transactions.OrderBy(t => t.Sequence) ?? Enumerable.Empty<PaymentTransaction>()));

        query.Field<ReceiptType, Receipt>("receipt")
            .Description("The receipt of a captured payment (by the payment's id): its orders' lines and fees. Its buyer, the sellers of its " +
                "orders and admins only. Null before the money is captured, and for an unknown payment or one the viewer may not see. Needs " +
                "a signed-in user.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The payment's id.")
            .ResolveAsync(async context =>
            {
                var payment = await Visible(context, context.GetArgument<Guid>("id")).GetResultAsync(context.CancellationToken);
                if (payment is null || payment.Captured == 0)
                    return null;
                var orderIds = payment.Orders.Select(o => o.OrderId).ToList();
                var orders = await context.Service<PaymentsDbContext>().OrderRecords.AsNoTracking().Where(o => orderIds.Contains(o.OrderId))
                    .OrderBy(o => o.OrderId).ToListAsync(context.CancellationToken);
                return new Receipt(payment, orders);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavedPaymentMethodType>>>, List<SavedPaymentMethod>>("myPaymentMethods")
            .Description("The signed-in buyer's saved cards and wallets: the default first, then newest first. Needs a signed-in user.")
            .Authorize()
            .ResolveAsync(async context =>
            {
                var userId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<PaymentsDbContext>().SavedPaymentMethods.AsNoTracking().Where(m => m.UserId == userId)
                    .OrderByDescending(m => m.IsDefault).ThenByDescending(m => m.Id).ToListAsync(context.CancellationToken);
            });
    }

    private static IDataLoaderResult<Payment?> Visible(IResolveFieldContext context, Guid paymentId)
    {
        var viewer = Viewer.Of(context);
        return context.Loader<PaymentByIdLoader>().Load(paymentId).Then(p => p is not null && viewer.CanSee(p) ? p : null);
    }
}
