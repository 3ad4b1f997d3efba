using Xunit;

namespace GoShop.Testing;

/// <summary>A measurement, skipped unless GOSHOP_MEASURE=1: make test does not spend the machine on it.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("GOSHOP_MEASURE") != "1")
            Skip = "a measurement: set GOSHOP_MEASURE=1 to run it";
    }
}
