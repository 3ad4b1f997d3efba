using GoShop.Identity.Domain;

namespace GoShop.Identity.Tests.Domain;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Correct-horse-42")]
    [InlineData("tàu hỏa lúc 7 giờ")]
    [InlineData("abcdefghi1")]
    [InlineData("correct horse battery staple!")]
    public void A_long_mixed_password_passes(string password)
    {
        Assert.Empty(PasswordPolicy.Problems(password, "ann@example.com", "Ann Lee"));
    }

    [Fact]
    public void A_password_is_required()
    {
        Assert.Equal(["A password is required."], PasswordPolicy.Problems(null));
        Assert.Equal(["A password is required."], PasswordPolicy.Problems(""));
    }

    [Fact]
    public void Length_is_ten_to_a_hundred_and_twenty_eight_characters()
    {
        Assert.Empty(PasswordPolicy.Problems("abcdefgh-1"));
        Assert.Contains("Use at least 10 characters.", PasswordPolicy.Problems("abcdefg-1"));
        Assert.Empty(PasswordPolicy.Problems(new string('a', 64) + new string('b', 63) + "1"));
        Assert.Contains("Use at most 128 characters.", PasswordPolicy.Problems(new string('a', 64) + new string('b', 64) + "1"));
    }

    [Theory]
    [InlineData("onlyletterslong")]
    [InlineData("4815162342")]
    [InlineData("--------------")]
    public void Letters_must_mix_with_a_digit_or_symbol(string password)
    {
        Assert.Contains("Mix letters with at least one digit or symbol.", PasswordPolicy.Problems(password));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa1")]
    [InlineData("ababababab")]
    public void A_run_of_one_or_two_characters_is_refused(string password)
    {
        Assert.Contains("Do not repeat one or two characters.", PasswordPolicy.Problems(password));
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("Matkhau123")]
    [InlineData("1q2w3e4r5t")]
    public void A_commonly_used_password_is_refused_whatever_its_case(string password)
    {
        Assert.Contains("This password is among the most commonly used ones.", PasswordPolicy.Problems(password));
    }

    [Fact]
    public void The_email_name_may_not_be_in_the_password()
    {
        Assert.Contains("Do not use your email address in the password.", PasswordPolicy.Problems("my-NGUYEN.AN-2026", "nguyen.an@example.com"));
        // A local part shorter than four characters is too common a string to forbid.
        Assert.Empty(PasswordPolicy.Problems("ann-rides-2026", "ann@example.com"));
    }

    [Fact]
    public void A_part_of_the_persons_name_may_not_be_in_the_password()
    {
        Assert.Contains("Do not use your name in the password.", PasswordPolicy.Problems("i-am-thanh-99", fullName: "Trần Văn Thanh"));
        // Short name parts (Văn, Lê) are too common to forbid.
        Assert.Empty(PasswordPolicy.Problems("vanle-rides-99", fullName: "Lê Văn Thanh"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = PasswordPolicy.Problems("annann", "annann@example.com", "Annann Lee");

        Assert.Equal(5, problems.Count);
    }
}
