using GoShop.BuildingBlocks.GraphQL.Errors;
using GoShop.BuildingBlocks.GraphQL.Types;
using GoShop.Notifications.Domain;
using GoShop.Notifications.Preferences;
using GraphQL.Types;

namespace GoShop.Notifications.GraphQL.Types;

public sealed class NotificationSettingsType : ObjectGraphType<SettingsView>
{
    public NotificationSettingsType()
    {
        Name = "NotificationSettings";
        Description = "How the signed-in user wants to hear from GoShop: every category on every channel, the language of the messages, quiet hours and daily digests.";
        Field(s => s.Language).Description("The language of notifications: vi (the default) or en.");
        Field(s => s.TimeZone).Description("The IANA time zone quiet hours are counted in (Asia/Ho_Chi_Minh by default).");
        Field<QuietHoursType, SettingsView>("quietHours")
            .Description("When non-urgent email, push and SMS wait (they go out when the quiet hours end); null: no quiet hours. Urgent kinds " +
                "(a failed payment or delivery) are never held; the in-app inbox is never held.")
            .Resolve(context => context.Source.QuietFrom is null ? null : context.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>, IReadOnlyList<PreferenceEntry>>("preferences")
            .Description("Every category on every channel (8 × 4 entries), on unless the user switched it off.")
            .Resolve(context => context.Source.Preferences);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationCategoryType>>>, IReadOnlyList<NotificationCategory>>("digestCategories")
            .Description("The marketing categories (PROMOTIONS, PRICE_ALERTS) the user takes as a daily digest: one email and one push each morning " +
                "(08:00 in their time zone, or when their quiet hours end) with the day before's notifications, instead of one each. The inbox " +
                "still gets every notification as it happens. Empty: none.")
            .Resolve(context => context.Source.DigestCategories);
    }
}

public sealed class QuietHoursType : ObjectGraphType<SettingsView>
{
    public QuietHoursType()
    {
        Name = "QuietHours";
        Description = "A daily window, in the user's time zone, during which non-urgent messages outside the app wait.";
        Field<NonNullGraphType<StringGraphType>, string>("from").Description("Start, HH:mm local time (e.g. 22:00).")
            .Resolve(context => context.Source.QuietFrom!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>, string>("until").Description("End, HH:mm local time (e.g. 07:00); before from means the next morning.")
            .Resolve(context => context.Source.QuietUntil!.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class NotificationPreferenceType : ObjectGraphType<PreferenceEntry>
{
    public NotificationPreferenceType()
    {
        Name = "NotificationPreference";
        Description = "Whether one category of notifications reaches the user on one channel.";
        Field<NonNullGraphType<NotificationCategoryType>, NotificationCategory>("category").Description("The category.").Resolve(context => context.Source.Category);
        Field<NonNullGraphType<NotificationChannelType>, NotificationChannel>("channel").Description("The channel.").Resolve(context => context.Source.Channel);
        Field(p => p.Enabled).Description("True when notifications of the category reach the user on the channel.");
        Field(p => p.Locked).Description("True when it cannot be switched off: IN_APP for ORDERS, PAYMENTS, SHIPPING, ACCOUNT and SELLING, which are " +
            "about the user's orders, money and account.");
    }
}

public sealed class NotificationTemplateType : ObjectGraphType<TemplateView>
{
    public NotificationTemplateType()
    {
        Name = "NotificationTemplate";
        Description = "The Liquid template of one notification kind in one language: a title and a body, with the variables the kind offers.";
        Field(t => t.Kind).Description("The notification kind (ORDER_CONFIRMED, ...).");
        Field(t => t.Language).Description("vi or en.");
        Field(t => t.Title).Description("The title's Liquid source, e.g. `Order {{ order_number }} confirmed`.");
        Field(t => t.Body).Description("The body's Liquid source (plain text; the email's HTML is a layout around it).");
        Field(t => t.Variables).Description("The variables a template of this kind may use (recipient_name and the kind's own).");
        Field(t => t.Custom).Description("True when an admin's version replaces the one shipped with GoShop.");
        Field(t => t.CreatedAt, nullable: true).Description("When the admin's version was saved; null for the shipped one.");
    }
}

/// <summary>A template as admins read it: shipped or their own.</summary>
public sealed record TemplateView(string Kind, string Language, string Title, string Body, IReadOnlyList<string> Variables, bool Custom, DateTimeOffset? CreatedAt);

/// <summary>A template rendered with sample values, or why it cannot be saved.</summary>
public sealed record TemplatePreview(string? Title, string? Body, IReadOnlyList<UserError> UserErrors);

public sealed class NotificationTemplatePreviewType : ObjectGraphType<TemplatePreview>
{
    public NotificationTemplatePreviewType()
    {
        Name = "NotificationTemplatePreview";
        Description = "A template rendered with sample values, as createNotificationTemplate would save it, or the reasons it would be refused.";
        Field(p => p.Title, nullable: true).Description("The rendered title; null when the template is refused.");
        Field(p => p.Body, nullable: true).Description("The rendered body; null when the template is refused.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>, IReadOnlyList<UserError>>("userErrors")
            .Description("Why createNotificationTemplate would refuse it (the same codes); empty when it would be saved.")
            .Resolve(context => context.Source.UserErrors);
    }
}
