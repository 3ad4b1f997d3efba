namespace GoShop.Analytics.Domain;

/// <summary>Where a rebuild of the rollups stands.</summary>
public enum RollupRebuildState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A rebuild of the rollups asked for by an admin (rebuildAnalyticsRollups), run in the background by
/// <see cref="Facts.RollupRebuildWorker"/> so that no request timeout bounds the range: one at a time, its state, counts
/// and times kept here for the admin to follow.
/// </summary>
public sealed class RollupRebuildJob
{
    private RollupRebuildJob()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The first local day asked for; null: from the first fact.</summary>
    public DateOnly? From { get; private set; }

    /// <summary>The last local day asked for; null: up to the last fact.</summary>
    public DateOnly? To { get; private set; }

    public RollupRebuildState State { get; private set; }

    public Guid? RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>How many rollup rows the rebuild wrote; set when it succeeded.</summary>
    public int? RollupsWritten { get; private set; }

    /// <summary>Why it failed, for the admin; null unless it did.</summary>
    public string? Error { get; private set; }

    public static RollupRebuildJob Queue(DateOnly? from, DateOnly? to, Guid? requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        From = from,
        To = to,
        State = RollupRebuildState.Queued,
        RequestedBy = requestedBy,
        RequestedAt = now,
    };

    public void Start(DateTimeOffset now)
    {
        State = RollupRebuildState.Running;
        StartedAt = now;
    }

    public void Succeed(int rollupsWritten, DateTimeOffset now)
    {
        State = RollupRebuildState.Succeeded;
        RollupsWritten = rollupsWritten;
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        State = RollupRebuildState.Failed;
        Error = error;
        FinishedAt = now;
    }
}
