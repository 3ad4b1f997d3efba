using System.Text.Json;
using GoShop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GoShop.Identity.Tests;

/// <summary>
/// The identity subgraph hosted in-process for one test class, on a database of its own, with a clock the tests
/// can move and a mail folder they can read.
/// </summary>
public sealed class IdentityApp : IAsyncLifetime
{
    private TestDatabase? _database;

    public SubgraphFactory<Program> Factory { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "goshop-test-mail", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("identity");
        Factory = new ClockedFactory(_database, Clock, new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = MailFolder,
            // Cheaper hashes keep the suite fast; the format and the algorithm stay the real ones.
            ["Identity:Argon2:MemoryKiB"] = "8192",
            ["Identity:Argon2:Iterations"] = "1",
        });
        await Factory.CreateGraphQLClient().SendAsync("{ __typename }");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (Directory.Exists(MailFolder))
            Directory.Delete(MailFolder, recursive: true);
    }

    public GraphQLClient Client(string? accessToken = null) => new(Factory.CreateClient()) { AccessToken = accessToken };

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>Registers a fresh account through the API and returns a client signed in as it.</summary>
    public async Task<Account> RegisterAsync(string? email = null, string password = "Correct-horse-42", string fullName = "Test Buyer")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = Client();
        var payload = (await client.MutateAsync(Operations.Register, new { input = new { email, password, fullName } })).Succeeded();
        client.AccessToken = payload.GetProperty("accessToken").GetString();
        return new Account(
            Guid.Parse(payload.GetProperty("user").GetProperty("id").GetString()!),
            email,
            password,
            payload.GetProperty("refreshToken").GetString()!,
            client);
    }

    /// <summary>The messages in the mail folder sent to an address, newest first.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string email)
    {
        if (!Directory.Exists(MailFolder))
            return [];
        return Directory.GetFiles(MailFolder, "*.eml")
            .OrderByDescending(File.GetLastWriteTimeUtc).ThenByDescending(f => f)
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The newest message in the mail folder sent to an address.</summary>
    public MimeMessage? LatestMailTo(string email) => MailsTo(email) is [var newest, ..] ? newest : null;

    /// <summary>The 6-digit code of the newest reset mail to an address.</summary>
    public string ResetCodeFor(string email)
    {
        var mail = LatestMailTo(email) ?? throw new Xunit.Sdk.XunitException($"No mail was sent to {email}.");
        // The subject ends with the code ("Your GoShop password reset code: 123456").
        var subject = mail.Subject ?? "";
        return subject[^6..];
    }

    private sealed class ClockedFactory(TestDatabase database, FakeTimeProvider clock, IReadOnlyDictionary<string, string?> settings)
        : SubgraphFactory<Program>(database, settings)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

/// <summary>A registered account and a client signed in as it.</summary>
public sealed record Account(Guid Id, string Email, string Password, string RefreshToken, GraphQLClient Client);

public static class JsonElementExtensions
{
    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
