using GoShop.Identity.Data;
using GoShop.Identity.Domain;
using GoShop.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GoShop.Identity.Tests;

/// <summary>The identity subgraph as the gateway sees it: its SDL and its entity resolution.</summary>
public sealed class FederationTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string ResolveUsers = "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id fullName roles } } }";

    [Fact]
    public async Task The_checked_in_identity_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "identity");
    }

    [Fact]
    public async Task Resolving_a_hundred_user_references_costs_one_sql_command()
    {
        var ids = await InsertUsersAsync(100);
        var client = app.Client();
        var representations = ids.Select(id => new Dictionary<string, object> { ["__typename"] = "User", ["id"] = id.ToString() }).ToList();

        app.Factory.Commands.Reset();
        var response = (await client.SendAsync(ResolveUsers, new { representations })).EnsureNoErrors();

        Assert.True(app.Factory.Commands.Count == 1, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        var entities = response.Get("_entities").EnumerateArray().ToList();
        Assert.Equal(ids.Select(id => id.ToString()), entities.Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Entities_answer_in_the_order_asked_with_null_for_unknown_users()
    {
        var ids = await InsertUsersAsync(2, namePrefix: "Ordered");
        var unknown = Guid.CreateVersion7();
        var representations = new[] { ids[1], unknown, ids[0] }
            .Select(id => new Dictionary<string, object> { ["__typename"] = "User", ["id"] = id.ToString() });

        var response = (await app.Client().SendAsync(ResolveUsers, new { representations })).EnsureNoErrors();

        Assert.Equal([ids[1].ToString(), null, ids[0].ToString()],
            response.Get("_entities").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetProperty("id").GetString()));
        Snapshot.Match(JToken.Parse(response.Get("_entities").GetRawText()), options => options.IgnoreAllFields("id"));
    }

    private async Task<List<Guid>> InsertUsersAsync(int count, string namePrefix = "Reference")
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = app.Clock.GetUtcNow();
        var users = Enumerable.Range(1, count)
            .Select(i => User.Register($"ref-{Guid.NewGuid():N}@example.com", "$argon2id$v=19$m=1,t=1,p=1$AA$AA", $"{namePrefix} User {i}", null, now))
            .ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToList();
    }
}
