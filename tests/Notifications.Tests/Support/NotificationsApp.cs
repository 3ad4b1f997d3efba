using GoShop.BuildingBlocks.Auth;
using GoShop.Contracts;
using GoShop.Notifications.Data;
using GoShop.Notifications.Delivery;
using GoShop.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests.Support;

/// <summary>
/// The notifications subgraph hosted in-process for one test class, on a database of its own, sending email over SMTP to
/// a real SMTP server on localhost (<see cref="Mailbox"/>). Deliveries are dispatched when a test says so
/// (<see cref="DispatchAsync"/>) after moving the clock past a backoff.
/// </summary>
public class NotificationsApp : SubgraphApp<Program, NotificationsDbContext>
{
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(30);
    public const int MaxAttempts = 3;

    public NotificationsApp()
        : base("notifications")
    {
    }

    public SmtpMailbox Mailbox { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Delivery"] = "smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:SmtpSecurity"] = "none",
        ["Notifications:Delivery:PollInterval"] = "00:00:00",
        ["Notifications:Delivery:Backoff"] = Backoff.ToString(),
        ["Notifications:Delivery:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:RetentionSweepInterval"] = "00:00:00",
        ["Notifications:Digest:PollInterval"] = "00:00:00",
        ["Notifications:AppBaseUrl"] = "https://goshop.test",
        ["Messaging:InboxRetentionDays"] = "3650",
        // Development generates VAPID keys when none are configured; the tests keep theirs out of the repository.
        ["Notifications:Push:DevelopmentKeyFile"] = Path.Combine(Path.GetTempPath(), "goshop-test-vapid", Guid.NewGuid().ToString("N") + ".json"),
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Service<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mailbox.DisposeAsync();
    }

    /// <summary>A signed-in person with the given roles (a buyer by default).</summary>
    public Person SignIn(params string[] roles) => As(Guid.CreateVersion7(), roles);

    public Person As(Guid id, params string[] roles) => new(id, Client(Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles)));

    public Person Admin() => SignIn(Roles.Buyer, Roles.Admin);

    /// <summary>Publishes an event as its owner would (through RabbitMQ), with the message id given (a redelivery repeats it).</summary>
    public async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent =>
        await Service<IBus>().Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Publishes an event and waits until notifications handled it (its id is in the inbox).</summary>
    public async Task DeliverAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent
    {
        var id = messageId ?? Guid.NewGuid();
        await PublishAsync(message, id);
        await Eventually.HoldsAsync(() => InDatabaseAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id)), $"{typeof(T).Name} {id} to be handled");
    }

    /// <summary>Sends the deliveries due now (one round of the dispatcher).</summary>
    public Task<int> DispatchAsync() => Service<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Sends the daily digests due now (one round of the digest sender).</summary>
    public Task<int> SendDigestsAsync() => Service<DigestSender>().SendDueAsync(CancellationToken.None);
}

/// <summary>A signed-in person: their id and a client carrying their token.</summary>
public sealed record Person(Guid Id, GraphQLClient Client);
