using GoShop.BuildingBlocks.Domain;

namespace GoShop.BuildingBlocks.Tests.Domain;

public sealed class MonotonicUuidTests
{
    [Fact]
    public void Ids_made_one_after_another_sort_in_that_order_as_PostgreSQL_sorts_uuids()
    {
        // Thousands within a few milliseconds: far more than one per millisecond.
        var ids = Enumerable.Range(0, 20_000).Select(_ => MonotonicUuid.NewV7()).ToList();

        var bytes = ids.Select(id => id.ToByteArray(bigEndian: true)).ToList();
        for (var i = 1; i < bytes.Count; i++)
            Assert.True(bytes[i - 1].AsSpan().SequenceCompareTo(bytes[i]) < 0, $"id {i} does not sort after id {i - 1}");
    }

    [Fact]
    public void Ids_are_version_7_with_the_RFC_variant_and_the_current_time()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = MonotonicUuid.NewV7();
        var bytes = id.ToByteArray(bigEndian: true);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, bytes[8] >> 6);
        var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        Assert.InRange(milliseconds, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
    }
}
