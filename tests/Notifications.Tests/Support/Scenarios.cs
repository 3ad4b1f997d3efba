using System.Text.Json;
using GoShop.Contracts.Identity;
using GoShop.Contracts.Ordering;
using GoShop.Notifications.Domain;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Notifications.Tests.Support;

/// <summary>The steps tests share: people known to notifications, orders as ordering announces them, reading inboxes.</summary>
public static class Scenarios
{
    /// <summary>A registered person (identity's UserRegistered handled), signed in.</summary>
    public static async Task<Person> RegisteredAsync(this NotificationsApp app, string? name = null, params string[] roles)
    {
        var person = app.SignIn(roles);
        await app.DeliverAsync(new UserRegistered(person.Id, Email(person), name ?? "Nguyễn Văn An", DateTimeOffset.UtcNow));
        return person;
    }

    public static string Email(Person person) => $"user-{person.Id:N}@goshop.test";

    /// <summary>An order of <paramref name="buyer"/> from a shop of <paramref name="seller"/>, as ordering's events carry it.</summary>
    public static OrderSnapshot Order(Person buyer, Person seller, Guid? shopId = null) =>
        TestOrders.Snapshot(buyer.Id, shopId ?? Guid.CreateVersion7(), (Guid.CreateVersion7(), null, 2)) with { SellerId = seller.Id };

    /// <summary>The notifications of a person, newest first, straight from the database (including those not in the inbox).</summary>
    public static Task<List<Notification>> NotificationsOfAsync(this NotificationsApp app, Guid userId) =>
        app.InDatabaseAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).ToListAsync());

    /// <summary>The kinds of a person's notifications, oldest first, leaving out the welcome every registered person gets.</summary>
    public static async Task<List<string>> KindsOfAsync(this NotificationsApp app, Guid userId) =>
        (await app.NotificationsOfAsync(userId)).Select(n => n.Kind).Where(k => k != "WELCOME").Reverse().ToList();

    /// <summary>Waits until a person has a notification of the kind, and answers it.</summary>
    public static async Task<Notification> AwaitAsync(this NotificationsApp app, Guid userId, string kind) =>
        (await Eventually.ReturnsAsync(() => app.NotificationsOfAsync(userId), list => list.Any(n => n.Kind == kind), TimeSpan.FromSeconds(20)))
        .First(n => n.Kind == kind);

    public static async Task<JsonElement> InboxAsync(this Person person, bool unreadOnly = false, int first = 20, string? after = null) =>
        (await person.Client.SendAsync(Operations.Inbox, new { unreadOnly, first, after })).EnsureNoErrors().Get("notifications");

    public static Task<JsonElement> MutateAsync(this Person person, string operation, object input) => person.Client.MutateAsync(operation, new { input });
}
