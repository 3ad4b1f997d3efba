using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.BuildingBlocks.Tests.Hosting;
using GraphQLParser.AST;

namespace GoShop.BuildingBlocks.Tests.Types;

/// <summary>The DateTime scalar: written in UTC with a Z, read with any offset.</summary>
public sealed class UtcDateTimeGraphTypeTests
{
    private readonly UtcDateTimeGraphType _scalar = new();

    [Fact]
    public void Serialize_writes_an_offset_instant_in_UTC_with_Z_and_milliseconds()
    {
        var inHanoi = new DateTimeOffset(2026, 11, 26, 3, 9, 34, 123, TimeSpan.FromHours(7));

        Assert.Equal("2026-11-25T20:09:34.123Z", _scalar.Serialize(inHanoi));
    }

    [Fact]
    public void Serialize_writes_a_UTC_DateTime_as_it_is_and_converts_a_local_one()
    {
        var utc = new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        var local = utc.ToLocalTime();

        Assert.Equal("2026-01-02T03:04:05.006Z", _scalar.Serialize(utc));
        Assert.Equal("2026-01-02T03:04:05.006Z", _scalar.Serialize(local));
        Assert.Null(_scalar.Serialize(null));
    }

    [Theory]
    [InlineData("2026-11-26T03:09:34.123+07:00")]
    [InlineData("2026-11-25T15:09:34.123-05:00")]
    [InlineData("2026-11-25T20:09:34.123Z")]
    [InlineData("2026-11-25T20:09:34.123")]
    public void ParseValue_reads_any_offset_as_the_same_UTC_instant(string text)
    {
        var parsed = Assert.IsType<DateTimeOffset>(_scalar.ParseValue(text));

        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 20, 9, 34, 123, TimeSpan.Zero), parsed);
    }

    [Fact]
    public void ParseLiteral_reads_a_string_literal_and_refuses_other_literals()
    {
        var parsed = _scalar.ParseLiteral(new GraphQLStringValue("2026-11-26T03:09:34+07:00"));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 20, 9, 34, TimeSpan.Zero), parsed);
        Assert.Null(_scalar.ParseLiteral(new GraphQLNullValue()));
        Assert.ThrowsAny<Exception>(() => _scalar.ParseLiteral(new GraphQLIntValue(1)));
    }

    [Fact]
    public void ParseValue_refuses_text_that_is_not_a_date()
    {
        Assert.Throws<FormatException>(() => _scalar.ParseValue("next tuesday"));
    }
}

/// <summary>The DateTime scalar as clients meet it, through the endpoint.</summary>
public sealed class UtcDateTimeOverGraphQLTests(BuildingBlocksApp app) : IClassFixture<BuildingBlocksApp>
{
    [Fact]
    public async Task DateTime_argument_with_an_offset_comes_back_in_UTC_with_Z()
    {
        var fromVariable = await app.Client().SendAsync("query($at: DateTime!) { echoTime(at: $at) }", new { at = "2026-11-26T03:09:34.5+07:00" });
        var fromLiteral = await app.Client().SendAsync("{ echoTime(at: \"2026-11-26T03:09:34.5+07:00\") }");

        Assert.Equal("2026-11-25T20:09:34.500Z", fromVariable.EnsureNoErrors().Get("echoTime").GetString());
        Assert.Equal("2026-11-25T20:09:34.500Z", fromLiteral.EnsureNoErrors().Get("echoTime").GetString());
    }

    [Fact]
    public async Task DateTime_variable_that_is_not_a_date_is_BAD_USER_INPUT()
    {
        var response = await app.Client().SendAsync("query($at: DateTime!) { echoTime(at: $at) }", new { at = "yesterday-ish" });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }
}
