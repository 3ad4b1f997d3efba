using System.Text.Json;
using GoShop.Media.Tests.Hosting;
using GoShop.Testing;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GoShop.Media.Tests;

/// <summary>The media subgraph as the gateway sees it: its SDL and its entity resolution.</summary>
public sealed class FederationTests(MediaApp app) : IClassFixture<MediaApp>
{
    [Fact]
    public async Task The_checked_in_media_schema_matches_the_running_subgraph()
    {
        await SchemaSnapshot.AssertMatchesCheckedInAsync(app.Factory.Services, "media");
    }

    [Fact]
    public async Task Resolving_many_media_references_costs_one_sql_command()
    {
        var user = app.User();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
            ids.Add((await app.UploadMediaAsync(user, TestFiles.Png(40 + i, 30), $"p{i}.png", "image/png")).GetProperty("id").GetString()!);
        var representations = ids.Select(id => new Dictionary<string, object> { ["__typename"] = "Media", ["id"] = id }).ToList();

        app.Factory.Commands.Reset();
        var response = (await app.Client().SendAsync(Operations.MediaEntities, new { r = representations })).EnsureNoErrors();

        Assert.True(app.Factory.Commands.Count == 1, "SQL sent: " + string.Join("\n", app.Factory.Commands.Commands));
        Assert.Equal(ids, response.Get("_entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Entities_answer_in_the_order_asked_with_null_for_unknown_media()
    {
        var user = app.User();
        var picture = (await app.UploadMediaAsync(user, TestFiles.Jpeg(1600, 900), "wide.jpg", "image/jpeg")).GetProperty("id").GetString()!;
        var clip = (await app.UploadMediaAsync(user, TestFiles.Mp4(), "clip.mp4", "video/mp4")).GetProperty("id").GetString()!;
        var representations = new[] { clip, Guid.CreateVersion7().ToString(), picture }
            .Select(id => new Dictionary<string, object> { ["__typename"] = "Media", ["id"] = id });

        var response = (await app.Client().SendAsync(Operations.MediaEntities, new { r = representations })).EnsureNoErrors();

        var entities = response.Get("_entities").EnumerateArray().ToList();
        Assert.Equal([clip, null, picture], entities.Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetProperty("id").GetString()));
        Snapshot.Match(JToken.Parse(response.Get("_entities").GetRawText()), options => options.IgnoreAllFields("id").IgnoreAllFields("url"));
    }
}
