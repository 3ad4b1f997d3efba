using GoShop.Analytics.GraphQL.Types;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL;

/// <summary>The from/to/granularity arguments every report takes, and the period they describe (or the error refusing them).</summary>
public static class ReportArguments
{
    public static FieldBuilder<TSource, TReturn> PeriodArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, bool withGranularity = true)
    {
        field.Argument<NonNullGraphType<CalendarDateGraphType>>("from", "The first day of the period (a local day in Asia/Ho_Chi_Minh), included.");
        field.Argument<NonNullGraphType<CalendarDateGraphType>>("to",
            $"The last day of the period, included; not before from, and at most {ReportPeriod.MaxDays} days (3 years) after it.");
        if (withGranularity)
            field.Argument<GranularityType>("granularity",
                $"How the series is cut (default DAY); HOUR only for a period of at most {ReportPeriod.MaxHourlyDays} days.",
                a => a.DefaultValue = Granularity.Day);
        return field;
    }

    /// <summary>The period asked for; a BAD_USER_INPUT error stating the rule when it cannot be answered.</summary>
    public static ReportPeriod Period(this IResolveFieldContext context)
    {
        var granularity = context.HasArgument("granularity") ? context.GetArgument("granularity", Granularity.Day) : Granularity.Day;
        var checkedPeriod = ReportPeriod.Check(context.GetArgument<DateOnly>("from"), context.GetArgument<DateOnly>("to"), granularity);
        if (!checkedPeriod.Succeeded)
            throw new ExecutionError(checkedPeriod.Error!.Message) { Code = ErrorCodes.BadUserInput };
        return checkedPeriod.Value!;
    }

    /// <summary>Signed in, or an UNAUTHENTICATED error.</summary>
    public static Viewer SignedInViewer(this IResolveFieldContext context)
    {
        var viewer = Viewer.Of(context);
        if (viewer.UserId is null)
            throw GraphQLErrors.Unauthenticated();
        return viewer;
    }
}
