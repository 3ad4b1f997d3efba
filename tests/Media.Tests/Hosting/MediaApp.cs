using GoShop.BuildingBlocks.Auth;
using GoShop.Media.Data;
using GoShop.Media.Domain;
using GoShop.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Media.Tests.Hosting;

/// <summary>
/// The media subgraph hosted in-process for one test class: a database of its own, a storage folder of its own, tokens
/// signed by <see cref="TestTokens"/>, and small limits the tests reach on purpose.
/// </summary>
public sealed class MediaApp : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://media.goshop.test";

    public const int MaxImageBytes = 512 * 1024;

    public const int MaxVideoBytes = 1024 * 1024;

    public const long MaxImagePixels = 4_000_000;

    private TestDatabase? _database;

    public SubgraphFactory<Program> Factory { get; private set; } = null!;

    public TestTokens Tokens { get; } = new("media-test");

    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), "goshop-test-media", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("media");
        Factory = new TokenTrustingFactory(_database, Tokens, new Dictionary<string, string?>
        {
            ["Media:PublicBaseUrl"] = PublicBaseUrl,
            ["Media:Storage:LocalRoot"] = StorageRoot,
            ["Media:MaxImageBytes"] = MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Media:MaxVideoBytes"] = MaxVideoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Media:MaxImagePixels"] = MaxImagePixels.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await Factory.CreateGraphQLClient().SendAsync("{ __typename }");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (Directory.Exists(StorageRoot))
            Directory.Delete(StorageRoot, recursive: true);
        Tokens.Dispose();
    }

    public HttpClient Http() => Factory.CreateClient();

    public GraphQLClient Client(string? accessToken = null) => new(Factory.CreateClient()) { AccessToken = accessToken };

    /// <summary>A signed-in user: an id and a token for it.</summary>
    public TestUser User(params string[] roles)
    {
        var id = Guid.CreateVersion7();
        return new TestUser(id, Tokens.Issue(id, roles.Length == 0 ? [Roles.Buyer] : roles));
    }

    public TestUser Admin() => User(Roles.Buyer, Roles.Admin);

    public async Task<T> InDatabaseAsync<T>(Func<MediaDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MediaDbContext>());
    }

    public Task<MediaFile?> StoredMediaAsync(Guid id) =>
        InDatabaseAsync(db => db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    /// <summary>What the media store holds right now: every file, by key.</summary>
    public IReadOnlyList<string> StoredFiles() => Directory.Exists(StorageRoot)
        ? Directory.EnumerateFiles(StorageRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(StorageRoot, f)).Order().ToList()
        : [];

    public async Task<int> MediaCountAsync() => await InDatabaseAsync(db => db.MediaFiles.CountAsync());

    /// <summary>How many <typeparamref name="TEvent"/> events about a media the outbox holds.</summary>
    public async Task<int> OutboxCountAsync<TEvent>(Guid mediaId) =>
        (await InDatabaseAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(TEvent).FullName).ToListAsync()))
        .Count(m => m.Payload.Contains(mediaId.ToString(), StringComparison.Ordinal));

    private sealed class TokenTrustingFactory(TestDatabase database, TestTokens tokens, IReadOnlyDictionary<string, string?> settings)
        : SubgraphFactory<Program>(database, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IAccessTokenKeys>(tokens));
        }
    }
}

public sealed record TestUser(Guid Id, string AccessToken);
