using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Connections;
using GoShop.BuildingBlocks.GraphQL.Federation;
using GoShop.BuildingBlocks.GraphQL.Loaders;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.BuildingBlocks.Subscriptions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

/// <summary>
/// The schema of the "bbtest" subgraph: just enough fields to exercise each piece of BuildingBlocks through the
/// same HTTP endpoint, error shaping, loaders, authorization and topics a real subgraph uses.
/// </summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services, TestQuery query, TestMutation mutation, TestSubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // No field returns these: they are reached only through _entities, as the gateway does.
        this.RegisterType<ParcelType>();
        this.RegisterType<ShelfType>();
        this.RegisterType<CrateType>();
    }
}

public sealed class TestQuery : ObjectGraphType
{
    /// <summary>What the <c>failure</c> field throws; tests check whether it leaks.</summary>
    public const string FailureDetail = "The widget press jammed at station 7";

    public TestQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<StringGraphType>, string>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello, {context.GetArgument<string?>("name") ?? "world"}!");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WidgetType>>>, List<Widget>>("widgets")
            .Description("The widgets of a batch, oldest first.")
            .Argument<NonNullGraphType<StringGraphType>>("batch")
            .ResolveAsync(async context => await context.Service<TestDbContext>().Widgets.AsNoTracking()
                .Where(w => w.Batch == context.GetArgument<string>("batch"))
                .OrderBy(w => w.Id)
                .ToListAsync(context.CancellationToken));

        Field<NonNullGraphType<ConnectionType<WidgetType, Widget>>, Connection<Widget>>("widgetPage")
            .Description("The widgets of a batch, newest first, a page at a time.")
            .Argument<NonNullGraphType<StringGraphType>>("batch")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                var batch = context.GetArgument<string>("batch");
                return await context.Service<TestDbContext>().Widgets.AsNoTracking().Where(w => w.Batch == batch)
                    .ToConnectionByIdAsync(w => w.Id, page, newestFirst: true, context.CancellationToken);
            });

        Field<MakerType, EntityReference<MakerType>>("maker")
            .Description("Another subgraph's maker, by id; null without one.")
            .Argument<IdGraphType>("id")
            .Resolve(context => EntityReference.To<MakerType>(context.GetArgument<Guid?>("id")));

        Field<NonNullGraphType<NestedType>, int>("nested")
            .Description("A chain of objects as deep as a query asks, for the depth limit.")
            .Resolve(_ => 1);

        Field<StringGraphType, string>("failure")
            .Resolve(_ => throw new InvalidOperationException(FailureDetail));

        Field<StringGraphType, string>("secret")
            .Description("Any signed-in user.")
            .Authorize()
            .Resolve(context => $"for {context.Service<ICurrentUser>().Id}");

        Field<StringGraphType, string>("adminReport")
            .Description("Admins only.")
            .AuthorizeWithRoles(Roles.Admin)
            .Resolve(_ => "all is well");

        Field<NonNullGraphType<UtcDateTimeGraphType>, DateTimeOffset>("echoTime")
            .Argument<NonNullGraphType<UtcDateTimeGraphType>>("at")
            .Resolve(context => context.GetArgument<DateTimeOffset>("at"));
    }
}

public sealed class TestMutation : ObjectGraphType
{
    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<BooleanGraphType>, bool>("touch").Resolve(_ => true);
    }
}

public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";

        Field<NonNullGraphType<NoticeType>, Notice>("notices")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .ResolveStreamAsync(async context => await context.Service<ITopicBus>().ObserveAsync<Notice>(context.GetArgument<string>("topic"), context.CancellationToken));

        Field<NonNullGraphType<NoticeType>, Notice>("privateNotices")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .Authorize()
            .ResolveStreamAsync(async context => await context.Service<ITopicBus>().ObserveAsync<Notice>(context.GetArgument<string>("topic"), context.CancellationToken));
    }
}
