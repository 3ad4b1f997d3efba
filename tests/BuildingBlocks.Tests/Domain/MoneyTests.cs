using GoShop.BuildingBlocks.Domain;

namespace GoShop.BuildingBlocks.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(10_499.5, 10_500)]
    [InlineData(10_500.4999, 10_500)]
    [InlineData(-2.5, -3)]
    [InlineData(7, 7)]
    public void Dong_round_to_whole_dong_with_halves_away_from_zero(decimal amount, decimal expected) =>
        Assert.Equal(expected, Money.Round(amount));

    [Fact]
    public void Dong_is_the_currency_when_none_is_named() =>
        Assert.Equal(Money.Round(12.5m, "VND"), Money.Round(12.5m));

    [Theory]
    [InlineData(1.005, 1.01)]
    [InlineData(0.124, 0.12)]
    [InlineData(-0.125, -0.13)]
    public void Other_currencies_round_to_cents_with_halves_away_from_zero(decimal amount, decimal expected) =>
        Assert.Equal(expected, Money.Round(amount, "USD"));

    [Theory]
    [InlineData("VND", 0)]
    [InlineData("USD", 2)]
    public void A_currency_counts_in_its_minor_digits(string currency, int digits) =>
        Assert.Equal(digits, Money.MinorDigits(currency));
}
