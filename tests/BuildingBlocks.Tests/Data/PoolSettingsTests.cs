using GoShop.BuildingBlocks.Data;
using Npgsql;

namespace GoShop.BuildingBlocks.Tests.Data;

public sealed class PoolLimitTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_configured_limit()
    {
        var limited = new DatabaseOptions { MaxPoolSize = 12 }.WithPoolLimit("Host=127.0.0.1;Database=goshop_cart;Username=goshop;Password=goshop");

        var parsed = new NpgsqlConnectionStringBuilder(limited);
        Assert.Equal(12, parsed.MaxPoolSize);
        Assert.Equal(("goshop_cart", "goshop"), (parsed.Database, parsed.Password));
    }

    [Fact]
    public void A_pool_size_the_connection_string_sets_is_kept()
    {
        var limited = new DatabaseOptions().WithPoolLimit("Host=127.0.0.1;Database=goshop_cart;Maximum Pool Size=80");

        Assert.Equal(80, new NpgsqlConnectionStringBuilder(limited).MaxPoolSize);
    }
}
