using System.Net.Mail;

namespace GoShop.BuildingBlocks.GraphQL.Errors;

/// <summary>
/// Collects input validation failures before a mutation touches anything, so one answer lists every bad field.
/// Field names are the GraphQL input field names (camelCase).
/// </summary>
public sealed class InputCheck
{
    private readonly List<UserError> _errors = [];

    public IReadOnlyList<UserError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public InputCheck Add(string code, string message, string? field)
    {
        _errors.Add(UserError.ForInput(code, message, field));
        return this;
    }

    /// <summary>Adds a domain rule's refusal to the input's other problems.</summary>
    public InputCheck Add(Domain.DomainError error) => Add(error.Code, error.Message, error.Field);

    /// <summary>Requires text with at least one non-blank character and at most <paramref name="maxLength"/>.</summary>
    public InputCheck Text(string? value, string field, int maxLength, bool required = true, int minLength = 1)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                Add("REQUIRED", $"{Describe(field)} is required.", field);
            return this;
        }
        var length = value.Trim().Length;
        if (length < minLength)
            Add("TOO_SHORT", $"{Describe(field)} must be at least {minLength} characters.", field);
        else if (length > maxLength)
            Add("TOO_LONG", $"{Describe(field)} must be at most {maxLength} characters.", field);
        return this;
    }

    public InputCheck Email(string? value, string field = "email")
    {
        if (string.IsNullOrWhiteSpace(value))
            return Add("REQUIRED", "Email is required.", field);
        var trimmed = value.Trim();
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host.EndsWith('.'))
        {
            Add("INVALID_EMAIL", "Email is not a valid address.", field);
        }
        return this;
    }

    /// <summary>A phone number: digits with optional leading +, spaces, dots, dashes and parentheses; 8 to 15 digits.</summary>
    public InputCheck Phone(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                Add("REQUIRED", $"{Describe(field)} is required.", field);
            return this;
        }
        var trimmed = value.Trim();
        var digits = trimmed.Count(char.IsAsciiDigit);
        var allowed = trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')')
            || (trimmed[0] == '+' && trimmed[1..].All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')'));
        if (!allowed || digits is < 8 or > 15)
            Add("INVALID_PHONE", $"{Describe(field)} must be a phone number of 8 to 15 digits.", field);
        return this;
    }

    public InputCheck Range(double? value, string field, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            Add("OUT_OF_RANGE", $"{Describe(field)} must be between {min} and {max}.", field);
        return this;
    }

    private static string Describe(string field)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        var words = new System.Text.StringBuilder();
        foreach (var c in last)
        {
            if (char.IsUpper(c) && words.Length > 0)
                words.Append(' ');
            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
