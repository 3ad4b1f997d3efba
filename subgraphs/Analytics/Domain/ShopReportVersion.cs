namespace GoShop.Analytics.Domain;

/// <summary>
/// How many times a shop's rollups have been recounted. Every change to a shop's facts recounts its rollups in the same
/// transaction (RollupMaintainer), which moves this number on; a report of the shop computed at one version is therefore
/// still true while the version stands, and the report cache keys on it.
/// </summary>
public sealed class ShopReportVersion
{
    private ShopReportVersion()
    {
    }

    public Guid ShopId { get; private set; }

    public long Version { get; private set; }
}
