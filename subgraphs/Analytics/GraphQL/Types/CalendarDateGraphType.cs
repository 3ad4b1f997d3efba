using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GoShop.Analytics.GraphQL.Types;

/// <summary>The <c>Date</c> scalar: a calendar day, <c>yyyy-MM-dd</c>, read as a day in Asia/Ho_Chi_Minh.</summary>
public sealed class CalendarDateGraphType : ScalarGraphType
{
    private const string Format = "yyyy-MM-dd";

    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar day, e.g. 2026-11-25 (ISO-8601, no time); analytics reads it as a day in Asia/Ho_Chi_Minh.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        DateOnly day => day,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"'{text}' is not a date of the form yyyy-MM-dd.");
}
