namespace GoShop.Search.Domain;

/// <summary>
/// Time-decayed popularity with a 24-hour half-life. An interaction of weight w at time t counts w × 2^(-(now - t)/24h)
/// now. Kept as key = log2(Σ w × 2^(t/24h)), so adding one is a log-sum-exp step and the order of keys is the order of
/// decayed scores at every moment: ordering by the key needs no rescoring as time passes.
/// </summary>
public static class Trend
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromHours(24);

    /// <summary>The origin of the time axis (any fixed instant; nearer ones keep the exponents small).</summary>
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Weights: a purchase says more than a cart add, which says more than a look.</summary>
    public const double View = 1, CartAdd = 3, Order = 5;

    /// <summary>The key of one interaction alone: log2(w) + t/24h.</summary>
    public static double Term(double weight, DateTimeOffset at) => Math.Log2(weight) + HalfLives(at);

    public static double Add(double? key, double weight, DateTimeOffset at)
    {
        var term = Term(weight, at);
        if (key is not { } k)
            return term;
        var (high, low) = k >= term ? (k, term) : (term, k);
        return high + Math.Log2(1 + Math.Pow(2, low - high));
    }

    /// <summary>The decayed score a key stands for at <paramref name="now"/>.</summary>
    public static double ScoreAt(double key, DateTimeOffset now) => Math.Pow(2, key - HalfLives(now));

    public static double HalfLives(DateTimeOffset at) => (at - Epoch).TotalHours / HalfLife.TotalHours;
}
