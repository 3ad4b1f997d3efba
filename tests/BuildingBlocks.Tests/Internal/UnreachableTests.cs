using GoShop.BuildingBlocks.Internal;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GoShop.BuildingBlocks.Tests.Internal;

/// <summary>Which failures of a call to another subgraph are "that subgraph cannot answer now" (a userError), and which are not.</summary>
public sealed class UnreachableTests
{
    public static TheoryData<Exception> Unreachable => new()
    {
        new HttpRequestException("Connection refused"),
        new TimeoutRejectedException("The attempt took too long"),
        new BrokenCircuitException("The circuit is now open"),
        new TaskCanceledException("The total timeout passed"),
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void A_refused_timed_out_or_circuit_broken_call_is_unreachable(Exception failure) =>
        Assert.True(InternalApi.IsUnreachable(failure, CancellationToken.None));

    [Fact]
    public void A_call_the_caller_itself_aborted_or_a_bug_is_not()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.False(InternalApi.IsUnreachable(new TaskCanceledException(), aborted.Token));
        Assert.False(InternalApi.IsUnreachable(new InvalidOperationException("a bug"), CancellationToken.None));
    }
}
