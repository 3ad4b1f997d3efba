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
            .Description("A payment by id. Its buyer, the sellers of its orders and admins see it; anyone else gets null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => Visible(context, context.GetArgument<Guid>("id")));

        query.Field<NonNullGraphType<ConnectionType<PaymentType, Payment>>, Connection<Payment>>("myPayments")
            .Description("The signed-in buyer's payments, newest first.")
            .Authorize()
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var buyerId = context.Service<ICurrentUser>().RequireId();
                return await context.Service<PaymentsDbContext>().WithLedger().AsNoTracking().AsSplitQuery().Where(p => p.BuyerId == buyerId)
                    .ToConnectionByIdAsync(p => p.Id, context.Page(), newestFirst: true, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TransactionType>>>, IDataLoaderResult<IEnumerable<PaymentTransaction>>>("transactions")
            .Description("The ledger of a payment, oldest first; empty for a payment the viewer may not see.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("paymentId")
            .Resolve(context => Visible(context, context.GetArgument<Guid>("paymentId"))
                .Then(p => p?.Transactions.OrderBy(t => t.Sequence) ?? Enumerable.Empty<PaymentTransaction>()));

        query.Field<ReceiptType, Receipt>("receipt")
            .Description("The receipt of a captured payment (by the payment's id): its orders' lines and fees. Null before the money is captured.")
            .Authorize()
            .Argument<NonNullGraphType<IdGraphType>>("id")
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
            .Description("The signed-in buyer's saved cards and wallets, the default first.")
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
