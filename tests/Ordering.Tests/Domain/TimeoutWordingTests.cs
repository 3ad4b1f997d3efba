using GoShop.Ordering.Workflow;

namespace GoShop.Ordering.Tests.Domain;

/// <summary>The confirmation timeout as the buyer reads it in the cancelled order's timeline, whatever it is configured to.</summary>
public sealed class TimeoutWordingTests
{
    [Theory]
    [InlineData("3.00:00:00", "3 days")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("1.12:00:00", "36 hours")]
    [InlineData("01:30:00", "90 minutes")]
    [InlineData("00:01:00", "1 minute")]
    [InlineData("00:00:20", "20 seconds")]
    public void A_timeout_is_said_in_the_largest_whole_unit(string timeout, string said) =>
        Assert.Equal(said, OrderSweeper.Span(TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture)));
}
