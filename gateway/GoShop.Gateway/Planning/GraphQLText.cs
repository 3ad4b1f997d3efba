using System.Text;
using GraphQLParser.AST;

namespace GoShop.Gateway.Planning;

/// <summary>Writes the pieces of an operation the planner copies into subgraph documents: argument values and variable types.</summary>
internal static class GraphQLText
{
    /// <summary>Writes a value literal; variables it names are added to <paramref name="variables"/>.</summary>
    public static void WriteValue(GraphQLValue value, StringBuilder text, HashSet<string>? variables)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                var name = variable.Name.StringValue;
                variables?.Add(name);
                text.Append('$').Append(name);
                break;
            case GraphQLIntValue integer:
                text.Append(integer.Value.Span);
                break;
            case GraphQLFloatValue number:
                text.Append(number.Value.Span);
                break;
            case GraphQLStringValue str:
                WriteString(str.Value.Span, text);
                break;
            case GraphQLBooleanValue boolean:
                text.Append(boolean.BoolValue ? "true" : "false");
                break;
            case GraphQLNullValue:
                text.Append("null");
                break;
            case GraphQLEnumValue enumValue:
                text.Append(enumValue.Name.StringValue);
                break;
            case GraphQLListValue list:
                text.Append('[');
                var firstItem = true;
                foreach (var item in list.Values ?? [])
                {
                    if (!firstItem)
                        text.Append(',');
                    firstItem = false;
                    WriteValue(item, text, variables);
                }
                text.Append(']');
                break;
            case GraphQLObjectValue obj:
                text.Append('{');
                var firstField = true;
                foreach (var field in obj.Fields ?? [])
                {
                    if (!firstField)
                        text.Append(',');
                    firstField = false;
                    text.Append(field.Name.StringValue).Append(':');
                    WriteValue(field.Value, text, variables);
                }
                text.Append('}');
                break;
            default:
                throw new PlanningException($"Unknown value node {value.Kind}.");
        }
    }

    public static void WriteType(GraphQLType type, StringBuilder text)
    {
        switch (type)
        {
            case GraphQLNamedType named:
                text.Append(named.Name.StringValue);
                break;
            case GraphQLNonNullType nonNull:
                WriteType(nonNull.Type, text);
                text.Append('!');
                break;
            case GraphQLListType list:
                text.Append('[');
                WriteType(list.Type, text);
                text.Append(']');
                break;
        }
    }

    private static void WriteString(ReadOnlySpan<char> value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20)
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
