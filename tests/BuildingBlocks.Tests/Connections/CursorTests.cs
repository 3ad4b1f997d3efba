using GoShop.BuildingBlocks.GraphQL.Connections;
using GraphQL;

namespace GoShop.BuildingBlocks.Tests.Connections;

public sealed class CursorTests
{
    [Fact]
    public void FromId_and_ToId_round_trip_through_an_opaque_url_safe_cursor()
    {
        var id = Guid.CreateVersion7();

        var cursor = Cursor.FromId(id);

        Assert.Equal(id, Cursor.ToId(cursor));
        Assert.DoesNotContain(id.ToString("N"), cursor, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
    }

    [Fact]
    public void Encode_and_Decode_keep_every_part_of_a_sort_position()
    {
        var cursor = Cursor.Encode("2026-11-25T20:09:34.123Z", "Bánh mì", "42");

        Assert.Equal(["2026-11-25T20:09:34.123Z", "Bánh mì", "42"], Cursor.Decode(cursor, expectedParts: 3));
    }

    [Fact]
    public void Decode_refuses_a_cursor_with_a_different_number_of_parts_as_BAD_USER_INPUT()
    {
        var error = Assert.Throws<ExecutionError>(() => Cursor.Decode(Cursor.Encode("a", "b"), expectedParts: 1));

        Assert.Equal("BAD_USER_INPUT", error.Code);
    }

    [Theory]
    [InlineData(null, null, PageRequest.DefaultSize, null)]
    [InlineData(1, "", 1, null)]
    [InlineData(100, "abc", 100, "abc")]
    public void PageRequest_defaults_and_keeps_valid_arguments(int? first, string? after, int expectedFirst, string? expectedAfter)
    {
        Assert.Equal(new PageRequest(expectedFirst, expectedAfter), PageRequest.From(first, after));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(PageRequest.MaxSize + 1)]
    public void PageRequest_refuses_a_size_outside_1_to_MaxSize_as_BAD_USER_INPUT(int first)
    {
        var error = Assert.Throws<ExecutionError>(() => PageRequest.From(first, null));

        Assert.Equal("BAD_USER_INPUT", error.Code);
    }
}
