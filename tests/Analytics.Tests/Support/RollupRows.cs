using System.Text.Json;
using System.Text.RegularExpressions;
using GoShop.Analytics.Domain;
using Microsoft.EntityFrameworkCore;

namespace GoShop.Analytics.Tests.Support;

/// <summary>Every rollup row as comparable text: the rollups kept event by event against the ones a rebuild writes.</summary>
public static partial class RollupRows
{
    public static async Task<List<string>> AllAsync(AnalyticsApp app, RollupScope? scope = null) =>
        (await app.InDatabaseAsync(db => db.Rollups.AsNoTracking().Where(r => scope == null || r.Scope == scope).ToListAsync()))
        .Select(r => JsonSerializer.Serialize(r) + $"|{Math.Round(r.ConfirmSeconds, 3)}|{Math.Round(r.HandoverSeconds, 3)}|{Math.Round(r.DeliverySeconds, 3)}")
        // Sums of seconds may differ in their last bits with the order PostgreSQL adds them in: compared rounded.
        .Select(row => Seconds().Replace(row, ""))
        .Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("\"(Confirm|Handover|Delivery)Seconds\":[^,}]*")]
    private static partial Regex Seconds();
}
