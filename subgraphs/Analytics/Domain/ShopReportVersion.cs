namespace GoShop.Analytics.Domain;

/// <summary>
/// How many times a shop's rollups have been recounted or added to. Every change of a shop's rollups (RollupMaintainer)
/// moves this number on in the same transaction; a report of the shop computed at one version is therefore still true of
/// the rollups while the version stands, and the report cache keys on it.
/// </summary>
public sealed class ShopReportVersion
{
    private ShopReportVersion()
    {
    }

    public Guid ShopId { get; private set; }

    public long Version { get; private set; }
}
