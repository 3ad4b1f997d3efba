using System.Net.Http.Headers;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.Internal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GoShop.Testing;

/// <summary>
/// A subgraph hosted in-process for tests, on a database of its own (dropped afterwards) and the shared test Redis and
/// RabbitMQ, with a clock the tests can move and access tokens signed as identity signs them. A subgraph's test app
/// adds the stand-ins for the other subgraphs it calls (<see cref="ConfigureServices"/>) and its own settings.
/// </summary>
public abstract class SubgraphApp<TProgram, TDbContext> : IAsyncLifetime
    where TProgram : class
    where TDbContext : DbContext
{
    private readonly string _name;
    private TestDatabase? _database;

    /// <param name="name">The subgraph's name: its test databases are named after it.</param>
    /// <param name="tokensFollowClock">Issue tokens by <see cref="Clock"/>, for tests that move it past a token's lifetime.</param>
    protected SubgraphApp(string name, bool tokensFollowClock = true)
    {
        _name = name;
        Tokens = new TestTokens($"{name}-test", tokensFollowClock ? Clock : null);
    }

    public SubgraphFactory<TProgram> Factory { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestTokens Tokens { get; }

    /// <summary>Settings on top of the tests' defaults (<see cref="SubgraphFactory{TProgram}"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_name);
        Factory = new Host(this, _database);
        (await Factory.CreateGraphQLClient().SendAsync("{ __typename }")).EnsureNoErrors();
    }

    public virtual async Task DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Tokens.Dispose();
    }

    public GraphQLClient Client(string? accessToken = null) => new(Factory.CreateClient()) { AccessToken = accessToken };

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>An HTTP client to the subgraph's internal API as other subgraphs call it: with the shared key, or another.</summary>
    public HttpClient InternalHttp(string? key = InternalApiOptions.DevelopmentKey)
    {
        var http = Factory.CreateClient();
        if (key is not null)
            http.DefaultRequestHeaders.Add(InternalApiOptions.KeyHeader, key);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    public async Task<T> InDatabaseAsync<T>(Func<TDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    public Task InDatabaseAsync(Func<TDbContext, Task> work) => InDatabaseAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>Puts this app's stand-ins for other subgraphs (fakes of their internal APIs) and test services in place.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private sealed class Host(SubgraphApp<TProgram, TDbContext> app, TestDatabase database) : SubgraphFactory<TProgram>(database, app.Settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(app.Clock);
                services.AddSingleton<IAccessTokenKeys>(app.Tokens);
                app.ConfigureServices(services);
            });
        }
    }
}
