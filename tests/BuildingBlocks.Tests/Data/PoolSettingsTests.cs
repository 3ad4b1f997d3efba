using GoShop.BuildingBlocks.Data;
using Npgsql;

namespace GoShop.BuildingBlocks.Tests.Data;

public sealed class PoolSettingsTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_configured_limit()
    {
        var limited = new DatabaseOptions { MaxPoolSize = 12 }.WithPoolSettings("Host=127.0.0.1;Database=goshop_cart;Username=goshop;Password=goshop");

        var parsed = new NpgsqlConnectionStringBuilder(limited);
        Assert.Equal(12, parsed.MaxPoolSize);
        Assert.Equal(("goshop_cart", "goshop"), (parsed.Database, parsed.Password));
    }

    [Fact]
    public void A_pool_size_the_connection_string_sets_is_kept()
    {
        var limited = new DatabaseOptions().WithPoolSettings("Host=127.0.0.1;Database=goshop_cart;Maximum Pool Size=80");

        Assert.Equal(80, new NpgsqlConnectionStringBuilder(limited).MaxPoolSize);
    }

    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_or_the_options_say_otherwise()
    {
        var plain = "Host=127.0.0.1;Database=goshop_cart";

        Assert.Equal(64, new NpgsqlConnectionStringBuilder(new DatabaseOptions().WithPoolSettings(plain)).MaxAutoPrepare);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(new DatabaseOptions { MaxAutoPrepare = 0 }.WithPoolSettings(plain)).MaxAutoPrepare);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(new DatabaseOptions().WithPoolSettings(plain + ";Max Auto Prepare=5")).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=goshop_cart", SslMode.Disable)]
    [InlineData("Host=localhost;Database=goshop_cart", SslMode.Disable)]
    [InlineData("Host=127.0.0.1;Database=goshop_cart;SSL Mode=Require", SslMode.Require)]
    [InlineData("Host=db.internal;Database=goshop_cart", SslMode.Prefer)]
    public void Tls_is_off_to_a_server_on_loopback_unless_the_connection_string_asks_for_it(string connectionString, SslMode expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(new DatabaseOptions().WithPoolSettings(connectionString)).SslMode);
}
