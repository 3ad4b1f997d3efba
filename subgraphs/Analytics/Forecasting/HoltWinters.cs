namespace GoShop.Analytics.Forecasting;

/// <summary>
/// Additive Holt-Winters (level, trend and a weekly season) for daily series. The smoothing factors are chosen by a
/// small grid search minimising the squared one-step-ahead errors over the series itself; forecasts never go below zero.
/// </summary>
public static class HoltWinters
{
    public const int Season = 7;

    /// <summary>The least history a fit needs: two whole seasons, to start the level, the trend and the season from.</summary>
    public const int MinimumHistory = 2 * Season;

    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] Betas = [0, 0.02, 0.05, 0.1, 0.2];
    private static readonly double[] Gammas = [0.05, 0.1, 0.2, 0.3, 0.5];

    /// <summary>The next <paramref name="horizon"/> values after <paramref name="history"/> (at least <see cref="MinimumHistory"/> values).</summary>
    public static double[] Forecast(IReadOnlyList<double> history, int horizon)
    {
        if (history.Count < MinimumHistory)
            throw new ArgumentException($"Holt-Winters needs at least {MinimumHistory} values, got {history.Count}.", nameof(history));
        var best = (Error: double.MaxValue, Alpha: 0.0, Beta: 0.0, Gamma: 0.0);
        foreach (var alpha in Alphas)
        foreach (var beta in Betas)
        foreach (var gamma in Gammas)
        {
            var error = Fit(history, alpha, beta, gamma).SquaredError;
            if (error < best.Error)
                best = (error, alpha, beta, gamma);
        }
        var (level, trend, season, _) = Fit(history, best.Alpha, best.Beta, best.Gamma);
        return Enumerable.Range(1, horizon)
            .Select(h => Math.Max(0, level + h * trend + season[(history.Count + h - 1) % Season]))
            .ToArray();
    }

    private static (double Level, double Trend, double[] Season, double SquaredError) Fit(IReadOnlyList<double> y, double alpha, double beta, double gamma)
    {
        var first = y.Take(Season).Average();
        var second = y.Skip(Season).Take(Season).Average();
        var level = first;
        var trend = (second - first) / Season;
        var season = Enumerable.Range(0, Season).Select(i => y[i] - first).ToArray();
        var squaredError = 0.0;
        for (var t = Season; t < y.Count; t++)
        {
            var s = season[t % Season];
            var predicted = level + trend + s;
            squaredError += (y[t] - predicted) * (y[t] - predicted);
            var previousLevel = level;
            level = alpha * (y[t] - s) + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
            season[t % Season] = gamma * (y[t] - level) + (1 - gamma) * s;
        }
        return (level, trend, season, squaredError);
    }
}
