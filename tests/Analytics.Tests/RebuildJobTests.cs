using System.Text.Json;
using GoShop.Analytics.Data;
using GoShop.Analytics.Domain;
using GoShop.Analytics.Tests.Support;
using GoShop.BuildingBlocks.Auth;
using GoShop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoShop.Analytics.Tests;

/// <summary>
/// rebuildAnalyticsRollups as a background job: answered at once, run by the worker, followed with
/// analyticsRollupRebuild; one at a time; a job its instance left running is failed when the next one is asked for.
/// </summary>
public sealed class RebuildJobTests(AnalyticsApp app) : IClassFixture<AnalyticsApp>
{
    [Fact]
    public async Task A_rebuild_is_answered_queued_at_once_and_the_worker_runs_it_to_the_end()
    {
        var history = new History(seed: 61, shops: 1, new DateOnly(2025, 5, 1), days: 6);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var rollups = await app.InDatabaseAsync(db => db.Rollups.CountAsync(r => r.BucketStart >= AnalyticsCalendar.StartOf(new DateOnly(2025, 5, 2))
            && r.BucketStart < AnalyticsCalendar.StartOf(new DateOnly(2025, 5, 5))));
        var admin = app.Admin();

        var answered = (await admin.Client.SendAsync(Operations.RebuildRollups, new { input = new { from = "2025-05-02", to = "2025-05-04" } }))
            .EnsureNoErrors().Get("rebuildAnalyticsRollups").Succeeded().GetProperty("job");
        var done = await WaitForAsync(app, answered.GetProperty("id").GetString()!, "SUCCEEDED");

        Assert.Contains(answered.GetProperty("state").GetString(), new[] { "QUEUED", "RUNNING", "SUCCEEDED" });
        Assert.Equal(("2025-05-02", "2025-05-04"), (done.GetProperty("from").GetString(), done.GetProperty("to").GetString()));
        Assert.True(rollups > 0);
        Assert.Equal(rollups, done.GetProperty("rollupsWritten").GetInt32());
        Assert.True(done.GetProperty("startedAt").GetDateTimeOffset() <= done.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task A_second_rebuild_while_one_runs_is_refused_and_answers_the_running_one()
    {
        var history = new History(seed: 67, shops: 1, new DateOnly(2025, 6, 1), days: 3);
        await app.DeliverAsync(history.ShuffledWithRedeliveries());
        var admin = app.Admin();

        // A transaction writing rollups holds the rebuild at its table lock: the job stays running until it ends.
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var blocker = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var blocking = await blocker.Database.BeginTransactionAsync();
        await blocker.Database.ExecuteSqlRawAsync("LOCK TABLE rollups IN ROW EXCLUSIVE MODE");
        var first = (await admin.Client.SendAsync(Operations.RebuildRollups, new { input = new { } })).EnsureNoErrors()
            .Get("rebuildAnalyticsRollups").Succeeded().GetProperty("job").GetProperty("id").GetString()!;
        var running = await WaitForAsync(app, first, "RUNNING");

        var second = (await app.Admin().Client.SendAsync(Operations.RebuildRollups, new { input = new { from = "2025-06-01", to = "2025-06-02" } }))
            .EnsureNoErrors().Get("rebuildAnalyticsRollups");

        Assert.Equal(["REBUILD_IN_PROGRESS"], second.UserErrorCodes());
        Assert.Contains(first, second.Get("userErrors.0.message").GetString());
        Assert.Equal((first, "RUNNING"), (second.Get("job.id").GetString(), second.Get("job.state").GetString()));
        Assert.NotEqual(JsonValueKind.Null, running.GetProperty("startedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, running.GetProperty("finishedAt").ValueKind);
        // Nothing was queued behind it.
        Assert.Equal([Guid.Parse(first)], await app.InDatabaseAsync(db => db.RollupRebuildJobs
            .Where(j => j.State == RollupRebuildState.Queued || j.State == RollupRebuildState.Running).Select(j => j.Id).ToListAsync()));

        await blocking.RollbackAsync();
        await blocking.DisposeAsync();
        await WaitForAsync(app, first, "SUCCEEDED");
        var third = (await admin.Client.SendAsync(Operations.RebuildRollups, new { input = new { } })).EnsureNoErrors()
            .Get("rebuildAnalyticsRollups").Succeeded().GetProperty("job").GetProperty("id").GetString()!;
        Assert.NotEqual(first, third);
        await WaitForAsync(app, third, "SUCCEEDED");
    }

    [Fact]
    public async Task A_rebuild_its_instance_left_running_is_failed_when_the_next_one_is_asked_for()
    {
        var orphan = Guid.CreateVersion7();
        await app.InDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO rollup_rebuild_jobs (id, state, requested_at, started_at) VALUES ({orphan}, 'Running', now() - interval '1 hour', now() - interval '1 hour')"));
        var admin = app.Admin();

        var next = (await admin.Client.SendAsync(Operations.RebuildRollups, new { input = new { } })).EnsureNoErrors()
            .Get("rebuildAnalyticsRollups").Succeeded().GetProperty("job").GetProperty("id").GetString()!;
        var left = (await admin.Client.SendAsync(Operations.RollupRebuild, new { id = orphan })).EnsureNoErrors().Get("analyticsRollupRebuild");

        Assert.NotEqual(orphan.ToString(), next);
        Assert.Equal("FAILED", left.GetProperty("state").GetString());
        Assert.StartsWith("Interrupted", left.GetProperty("error").GetString());
        Assert.NotEqual(JsonValueKind.Null, left.GetProperty("finishedAt").ValueKind);
        await WaitForAsync(app, next, "SUCCEEDED");
    }

    [Fact]
    public async Task Only_admins_may_follow_a_rebuild_and_an_unknown_one_is_null()
    {
        var admin = app.Admin();
        var unknown = await admin.Client.SendAsync(Operations.RollupRebuild, new { id = Guid.CreateVersion7() });
        var bySeller = await app.SignIn(Roles.Seller).Client.SendAsync(Operations.RollupRebuild, new { id = Guid.CreateVersion7() });

        Assert.Equal(JsonValueKind.Null, unknown.EnsureNoErrors().Get("analyticsRollupRebuild").ValueKind);
        Assert.Equal(["FORBIDDEN"], bySeller.ErrorCodes);
    }

    /// <summary>Asks an admin's rebuild with the given input and waits until it succeeded: the job as analyticsRollupRebuild answers it.</summary>
    internal static async Task<JsonElement> RebuildAsync(AnalyticsApp app, object input)
    {
        var id = (await app.Admin().Client.SendAsync(Operations.RebuildRollups, new { input })).EnsureNoErrors()
            .Get("rebuildAnalyticsRollups").Succeeded().GetProperty("job").GetProperty("id").GetString()!;
        return await WaitForAsync(app, id, "SUCCEEDED");
    }

    private static async Task<JsonElement> WaitForAsync(AnalyticsApp app, string id, string state)
    {
        var admin = app.Admin();
        var job = await Eventually.ReturnsAsync(
            async () => (await admin.Client.SendAsync(Operations.RollupRebuild, new { id })).EnsureNoErrors().Get("analyticsRollupRebuild"),
            j => j.GetProperty("state").GetString() is var s && (s == state || s == "FAILED"),
            TimeSpan.FromSeconds(60));
        Assert.Equal(state, job.GetProperty("state").GetString());
        return job;
    }
}
