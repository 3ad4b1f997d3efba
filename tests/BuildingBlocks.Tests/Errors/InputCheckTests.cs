using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.BuildingBlocks.Tests.Errors;

/// <summary>InputCheck: every bad input field of a mutation reported at once, with stable codes and input paths.</summary>
public sealed class InputCheckTests
{
    [Theory]
    [InlineData("lan@example.com")]
    [InlineData("  lan.nguyen+shop@mail.example.vn ")]
    public void Email_accepts_a_plain_address(string email)
    {
        Assert.False(new InputCheck().Email(email).HasErrors);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("lan@localhost")]
    [InlineData("lan@example.")]
    [InlineData("Lan <lan@example.com>")]
    [InlineData("two@signs@example.com")]
    public void Email_refuses_what_is_not_a_plain_address_as_INVALID_EMAIL(string email)
    {
        var error = Assert.Single(new InputCheck().Email(email).Errors);

        Assert.Equal("INVALID_EMAIL", error.Code);
        Assert.Equal(["input", "email"], error.Field);
    }

    [Fact]
    public void Email_longer_than_254_characters_is_INVALID_EMAIL()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".vn";

        Assert.Equal("INVALID_EMAIL", Assert.Single(new InputCheck().Email(email).Errors).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Email_is_REQUIRED(string? email)
    {
        Assert.Equal("REQUIRED", Assert.Single(new InputCheck().Email(email, "contactEmail").Errors).Code);
    }

    [Theory]
    [InlineData("0901 234 567")]
    [InlineData("+84 (90) 123-4567")]
    [InlineData("028.3822.1234")]
    public void Phone_accepts_8_to_15_digits_with_the_usual_separators(string phone)
    {
        Assert.False(new InputCheck().Phone(phone, "phone", required: true).HasErrors);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("1234567890123456")]
    [InlineData("0901-ABC-567")]
    [InlineData("84+901234567")]
    public void Phone_refuses_anything_else_as_INVALID_PHONE(string phone)
    {
        var error = Assert.Single(new InputCheck().Phone(phone, "phone", required: false).Errors);

        Assert.Equal("INVALID_PHONE", error.Code);
        Assert.Equal("Phone must be a phone number of 8 to 15 digits.", error.Message);
    }

    [Fact]
    public void Phone_may_be_left_out_unless_required()
    {
        Assert.False(new InputCheck().Phone(null, "phone", required: false).HasErrors);
        Assert.Equal("REQUIRED", Assert.Single(new InputCheck().Phone(" ", "phone", required: true).Errors).Code);
    }

    [Fact]
    public void Text_is_required_by_default_and_named_after_its_field()
    {
        var error = Assert.Single(new InputCheck().Text("   ", "fullName", maxLength: 100).Errors);

        Assert.Equal("REQUIRED", error.Code);
        Assert.Equal("Full name is required.", error.Message);
        Assert.Equal(["input", "fullName"], error.Field);
    }

    [Fact]
    public void Text_counts_its_length_without_surrounding_spaces()
    {
        Assert.False(new InputCheck().Text("  abc  ", "code", maxLength: 3, minLength: 3).HasErrors);
        Assert.Equal("TOO_LONG", Assert.Single(new InputCheck().Text("abcd", "code", maxLength: 3).Errors).Code);
        Assert.Equal("TOO_SHORT", Assert.Single(new InputCheck().Text(" ab ", "code", maxLength: 10, minLength: 3).Errors).Code);
    }

    [Fact]
    public void Optional_text_may_be_blank()
    {
        Assert.False(new InputCheck().Text(null, "line2", maxLength: 10, required: false).HasErrors);
    }

    [Fact]
    public void Every_failure_is_collected_in_order()
    {
        var check = new InputCheck()
            .Email("nope")
            .Text("", "address.line1", maxLength: 200)
            .Range(91, "location.lat", -90, 90)
            .Range(double.NaN, "location.lng", -180, 180)
            .Range(10.77, "other", -90, 90);

        Assert.True(check.HasErrors);
        Assert.Equal(["INVALID_EMAIL", "REQUIRED", "OUT_OF_RANGE", "OUT_OF_RANGE"], check.Errors.Select(e => e.Code));
        Assert.Equal("Line1 is required.", check.Errors[1].Message);
        Assert.Equal(["input", "location.lat"], check.Errors[2].Field);
    }
}
