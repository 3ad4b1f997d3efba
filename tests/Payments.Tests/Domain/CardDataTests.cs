using GoShop.Payments.Domain;

namespace GoShop.Payments.Tests.Domain;

/// <summary>Card numbers are recognised wherever they hide, so they are never stored.</summary>
public sealed class CardDataTests
{
    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("4242 4242 4242 4242")]
    [InlineData("tok-5555-5555-5555-4444")]
    [InlineData("378282246310005")]
    public void Card_numbers_are_recognised(string text) => Assert.True(CardData.LooksLikeCardNumber(text));

    [Theory]
    [InlineData("pm_1QxYzAbCdEfGhIjK")]
    [InlineData("4242424242424241")]
    [InlineData("VISA")]
    [InlineData("")]
    [InlineData("12345")]
    public void Tokens_and_other_text_are_not(string text) => Assert.False(CardData.LooksLikeCardNumber(text));

    [Fact]
    public void Saving_a_card_number_as_a_token_is_refused()
    {
        var saved = SavedPaymentMethod.Save(Guid.NewGuid(), PaymentGateway.Stripe, "4111111111111111", "Visa", "1111", 12, 2030, false, DateTimeOffset.UtcNow);

        Assert.Equal("CARD_DATA_NOT_ACCEPTED", saved.Error?.Code);
    }

    [Fact]
    public void A_refunds_id_follows_from_its_payment_and_key()
    {
        var payment = Guid.NewGuid();

        Assert.Equal(Refund.IdFor(payment, "a"), Refund.IdFor(payment, "a"));
        Assert.NotEqual(Refund.IdFor(payment, "a"), Refund.IdFor(payment, "b"));
        Assert.NotEqual(Refund.IdFor(payment, "a"), Refund.IdFor(Guid.NewGuid(), "a"));
    }
}
