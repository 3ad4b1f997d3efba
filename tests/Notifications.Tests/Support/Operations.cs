namespace GoShop.Notifications.Tests.Support;

/// <summary>The operations the tests send, as a frontend would.</summary>
public static class Operations
{
    public const string NotificationFields = "id kind category title body link readAt createdAt deliveries { channel status attempts lastError sentAt }";

    public const string Inbox = $$"""
        query ($unreadOnly: Boolean, $first: Int, $after: String) {
          notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
            totalCount unreadCount pageInfo { hasNextPage endCursor } edges { cursor node { {{NotificationFields}} } }
          }
        }
        """;

    public const string MarkRead = $$"""
        mutation ($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) { notification { id readAt } userErrors { code field message } } }
        """;

    public const string MarkAllRead = """
        mutation ($input: MarkAllNotificationsReadInput!) { markAllNotificationsRead(input: $input) { markedCount userErrors { code field message } } }
        """;

    public const string Delete = """
        mutation ($input: DeleteNotificationInput!) { deleteNotification(input: $input) { deletedNotificationId userErrors { code field message } } }
        """;

    public const string SettingsFields = "language timeZone quietHours { from until } preferences { category channel enabled locked } digestCategories";

    public const string Preferences = $$"""
        { notificationPreferences { {{SettingsFields}} } }
        """;

    public const string UpdatePreferences = $$"""
        mutation ($input: UpdateNotificationPreferencesInput!) {
          updateNotificationPreferences(input: $input) { settings { {{SettingsFields}} } userErrors { code field message } }
        }
        """;

    public const string RegisterPushDevice = """
        mutation ($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id endpoint } userErrors { code field message } } }
        """;

    public const string Unsubscribe = """
        mutation ($input: UnsubscribeEmailInput!) { unsubscribeEmail(input: $input) { category userErrors { code field message } } }
        """;

    public const string CreateTemplate = """
        mutation ($input: CreateNotificationTemplateInput!) {
          createNotificationTemplate(input: $input) { template { kind language title body custom variables } userErrors { code field message } }
        }
        """;

    public const string PreviewTemplate = """
        query ($input: CreateNotificationTemplateInput!) { notificationTemplatePreview(input: $input) { title body userErrors { code field message } } }
        """;

    public const string Template = """
        query ($kind: String!, $language: String!) { notificationTemplate(kind: $kind, language: $language) { kind language title body custom variables } }
        """;

    public const string DeadLetters = """
        { deadLetteredNotificationDeliveries(first: 50) { edges { node { id notificationId userId channel status attempts lastError } } } }
        """;

    public const string RetryDelivery = """
        mutation ($input: RetryNotificationDeliveryInput!) { retryNotificationDelivery(input: $input) { delivery { id status attempts } userErrors { code field message } } }
        """;

    public const string Received = $$"""
        subscription { notificationReceived { {{NotificationFields}} } }
        """;
}
