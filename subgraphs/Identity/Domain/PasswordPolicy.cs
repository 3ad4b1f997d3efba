namespace GoShop.Identity.Domain;

/// <summary>
/// What a password must be: 10 to 128 characters, at least one letter and one digit or symbol, not the email's
/// name or the person's name, not a run of one character and not one of the passwords every attacker tries first.
/// Length matters more than character classes (NIST SP 800-63B), so there is no rule about upper case.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1", "password12", "password123", "password1234", "passw0rd123", "1234567890", "12345678910",
        "qwerty1234", "qwertyuiop", "qwerty12345", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde", "iloveyou12",
        "iloveyou123", "abc1234567", "abcd123456", "a123456789", "123456789a", "letmein123", "welcome123",
        "admin12345", "administrator1", "football123", "baseball123", "princess123", "sunshine123", "dragon1234",
        "monkey1234", "starwars123", "trustno1234", "changeme123", "goshop1234", "goshop12345", "shopee1234",
        "matkhau123", "matkhau1234", "anhyeuem123", "123456789abc", "0123456789", "9876543210",
    };

    public static IReadOnlyList<string> Problems(string? password, string? email = null, string? fullName = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add("A password is required.");
            return problems;
        }
        if (password.Length < MinLength)
            problems.Add($"Use at least {MinLength} characters.");
        if (password.Length > MaxLength)
            problems.Add($"Use at most {MaxLength} characters.");
        if (!password.Any(char.IsLetter) || password.All(char.IsLetter))
            problems.Add("Mix letters with at least one digit or symbol.");
        if (password.Distinct().Count() <= 2)
            problems.Add("Do not repeat one or two characters.");
        if (Common.Contains(password))
            problems.Add("This password is among the most commonly used ones.");
        var localPart = email?.Split('@')[0];
        if (localPart is { Length: >= 4 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
            problems.Add("Do not use your email address in the password.");
        var names = fullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (names.Any(n => n.Length >= 4 && password.Contains(n, StringComparison.OrdinalIgnoreCase)))
            problems.Add("Do not use your name in the password.");
        return problems;
    }
}
