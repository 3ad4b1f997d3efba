namespace GoShop.BuildingBlocks.Tests.TestSubgraph;

public sealed class Category
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; init; }
}

/// <summary>A widget; <see cref="Batch"/> groups the widgets one test created, so tests sharing a database stay apart.</summary>
public sealed class Widget
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; init; }

    public required string Batch { get; init; }

    public Guid CategoryId { get; init; }
}

public sealed class Part
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid WidgetId { get; init; }

    public required string Name { get; init; }
}

/// <summary>Written by <see cref="ProbeSentHandler"/> for every probe event it handled.</summary>
public sealed class HandledProbe
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ProbeId { get; init; }

    public required string Note { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
