using GoShop.Analytics.Exports;
using GoShop.Analytics.GraphQL.Types;
using GoShop.Analytics.Reports;
using GoShop.BuildingBlocks.Auth;
using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace GoShop.Analytics.GraphQL.Mutations;

public sealed record ExportShopReportInput
{
    public required Guid ShopId { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }
}

public sealed class ExportShopReportInputType : InputObjectGraphType<ExportShopReportInput>
{
    public ExportShopReportInputType()
    {
        Name = "ExportShopReportInput";
        Description = "Which shop's report to export, and over which local days.";
        Field(i => i.ShopId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The shop; you must own it, unless you are an admin.");
        Field(i => i.From, type: typeof(NonNullGraphType<CalendarDateGraphType>)).Description("The first local day (Asia/Ho_Chi_Minh), included.");
        Field(i => i.To, type: typeof(NonNullGraphType<CalendarDateGraphType>))
            .Description($"The last local day, included; not before from, and at most {ReportPeriod.MaxDays} days (3 years) after it.");
    }
}

public sealed record ExportShopReportPayload : Payload
{
    public Uri? Url { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

public sealed class ExportShopReportPayloadType : PayloadType<ExportShopReportPayload>
{
    public ExportShopReportPayloadType()
    {
        Name = "ExportShopReportPayload";
        Description = "The answer to exportShopReport.";
        Field<StringGraphType, string?>("url")
            .Description("A link to the CSV (one row per local day: orders, units, gross sales, vouchers, commission, refunds, net revenue, " +
                "views, adds to cart), for a browser to download without a token until expiresAt; null when refused.")
            .Resolve(c => c.Source.Url?.ToString());
        Field<UtcDateTimeGraphType, DateTimeOffset?>("expiresAt").Description("When the link stops working; null when refused.").Resolve(c => c.Source.ExpiresAt);
    }
}

/// <summary>exportShopReport: a signed, expiring link to a shop's report as CSV.</summary>
public static class ExportMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ExportShopReportPayloadType>, ExportShopReportPayload>("exportShopReport")
            .Description("The shop's owner or an admin gets a signed link to the shop's daily figures over a period as a CSV file, working " +
                "for 15 minutes by default; nothing is stored. userErrors: INVALID_RANGE, RANGE_TOO_LONG, FORBIDDEN.")
            .Authorize()
            .Argument<NonNullGraphType<ExportShopReportInputType>>("input", "Which shop and period.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ExportShopReportInput>("input");
                var period = ReportPeriod.Check(input.From, input.To, Granularity.Day);
                if (!period.Succeeded)
                    return new ExportShopReportPayload { UserErrors = [UserError.From(period.Error!)] };
                var services = context.RequestServices!;
                if (!await services.GetRequiredService<ShopAccess>().CanReadAsync(Viewer.Of(context), input.ShopId, context.CancellationToken))
                    return new ExportShopReportPayload
                    {
                        UserErrors = [UserError.ForInput(ErrorCodes.Forbidden, "Only the shop's owner and admins may export its report.", "shopId")],
                    };
                var link = services.GetRequiredService<ShopReportExport>().Sign(input.ShopId, period.Value!);
                return new ExportShopReportPayload { Url = link.Url, ExpiresAt = link.ExpiresAt };
            });
    }
}
