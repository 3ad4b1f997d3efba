using GoShop.PaymentGateways.Support;

namespace GoShop.PaymentGateways.Tests;

public class AmountTests
{
    [Theory]
    [InlineData("150000", 15_000_000L)]
    [InlineData("1", 100L)]
    [InlineData("50000000", 5_000_000_000L)]
    public void VNPay_amounts_are_multiplied_by_100(string dong, long expected)
    {
        Assert.Equal(expected, Amounts.VnPayAmount(decimal.Parse(dong, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(decimal.Parse(dong, System.Globalization.CultureInfo.InvariantCulture), Amounts.FromVnPayAmount(expected));
    }

    [Theory]
    [InlineData("150000", "VND", 150_000L)]
    [InlineData("150000", "vnd", 150_000L)]
    [InlineData("12.34", "USD", 1_234L)]
    [InlineData("500", "JPY", 500L)]
    public void Stripe_amounts_are_in_the_smallest_unit_and_VND_is_zero_decimal(string amount, string currency, long minor)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(minor, Amounts.StripeMinor(value, currency));
        Assert.Equal(value, Amounts.FromStripeMinor(minor, currency));
    }

    [Theory]
    [InlineData("150000", "6.00")]
    [InlineData("123457", "4.94")]
    [InlineData("125", "0.01")]
    [InlineData("1000000", "40.00")]
    public void PayPal_converts_VND_to_USD_at_the_rate_with_2_decimals(string dong, string usd)
    {
        var converted = Amounts.VndToUsd(decimal.Parse(dong, System.Globalization.CultureInfo.InvariantCulture), 25_000m);

        Assert.Equal(usd, Amounts.PayPalValue(converted));
    }

    [Fact]
    public void Amounts_a_provider_cannot_take_are_refused()
    {
        Assert.Equal("INVALID_AMOUNT", Assert.Throws<PaymentGatewayException>(() => Amounts.VnPayAmount(0.5m)).Code);
        Assert.Equal("INVALID_AMOUNT", Assert.Throws<PaymentGatewayException>(() => Amounts.VnPayAmount(0m)).Code);
        Assert.Equal("INVALID_AMOUNT", Assert.Throws<PaymentGatewayException>(() => Amounts.StripeMinor(10.5m, "VND")).Code);
        Assert.Equal("INVALID_AMOUNT", Assert.Throws<PaymentGatewayException>(() => Amounts.StripeMinor(0.001m, "USD")).Code);
        Assert.Equal("INVALID_AMOUNT", Assert.Throws<PaymentGatewayException>(() => Amounts.VndToUsd(124m, 25_000m)).Code);
    }
}
