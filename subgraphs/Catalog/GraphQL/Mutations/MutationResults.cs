using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;

namespace GoShop.Catalog.GraphQL.Mutations;

/// <summary>Input checks of these mutations.</summary>
internal static class MutationResults
{
    public static InputCheck Count(this InputCheck check, int? value, string field, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
            check.Add("OUT_OF_RANGE", $"{field} must be between {min} and {max}.", field);
        return check;
    }

    public static InputCheck Pairs(this InputCheck check, IReadOnlyList<INameValueInput>? pairs, string field, int maxCount)
    {
        if (pairs is null)
            return check;
        if (pairs.Count > maxCount)
            return check.Add("TOO_MANY", $"At most {maxCount} {field} are allowed.", field);
        for (var i = 0; i < pairs.Count; i++)
        {
            check.Text(pairs[i].Name, $"{field}.{i}.name", maxLength: 100);
            check.Text(pairs[i].Value, $"{field}.{i}.value", maxLength: 500);
        }
        var names = pairs.Select(p => p.Name?.Trim().ToLowerInvariant()).ToList();
        if (names.Distinct().Count() != names.Count)
            check.Add("DUPLICATE_NAME", $"Each of the {field} needs its own name.", field);
        return check;
    }

    public static string? Trimmed(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Common input of a name/value pair (attribute or option).</summary>
public interface INameValueInput
{
    string Name { get; }

    string Value { get; }
}
