using GoShop.Analytics.Forecasting;

namespace GoShop.Analytics.Tests.Forecasting;

public sealed class HoltWintersTests
{
    private static readonly double[] Week = [10, 12, 11, 13, 15, 30, 28];

    [Fact]
    public void A_repeating_week_is_forecast_as_the_same_week()
    {
        var history = Enumerable.Range(0, 8 * 7).Select(i => Week[i % 7]).ToArray();

        var forecast = HoltWinters.Forecast(history, 14);

        Assert.All(forecast.Select((value, h) => (value, h)), x => Assert.Equal(Week[(history.Length + x.h) % 7], x.value, 1e-6));
    }

    [Fact]
    public void A_weekly_shape_on_a_rising_trend_keeps_rising()
    {
        var history = Enumerable.Range(0, 10 * 7).Select(i => Week[i % 7] + 0.5 * i).ToArray();

        var forecast = HoltWinters.Forecast(history, 7);

        for (var h = 0; h < 7; h++)
            Assert.Equal(Week[(history.Length + h) % 7] + 0.5 * (history.Length + h), forecast[h], 0.5);
    }

    [Fact]
    public void A_falling_series_is_never_forecast_below_zero_and_too_short_a_history_is_refused()
    {
        var falling = Enumerable.Range(0, 21).Select(i => 40.0 - 2 * i).ToArray();

        Assert.All(HoltWinters.Forecast(falling, 28), value => Assert.True(value >= 0));
        Assert.Throws<ArgumentException>(() => HoltWinters.Forecast(new double[13], 1));
    }
}
