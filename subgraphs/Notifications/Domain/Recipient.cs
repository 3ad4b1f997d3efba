namespace GoShop.Notifications.Domain;

/// <summary>
/// What notifications knows of a person to reach them: their address and name (identity's events), their language,
/// time zone and quiet hours (their own preferences). Forgotten when the account is deleted.
/// </summary>
public sealed class Recipient
{
    public const string DefaultLanguage = "vi";
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";
    public static readonly IReadOnlyList<string> Languages = ["vi", "en"];

    private Recipient()
    {
    }

    public Guid UserId { get; private set; }

    public string? Email { get; private set; }

    public string? FullName { get; private set; }

    public string? Phone { get; private set; }

    public string Language { get; private set; } = DefaultLanguage;

    public string TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>From when (local time) non-urgent email, push and SMS wait; null: no quiet hours.</summary>
    public TimeOnly? QuietFrom { get; private set; }

    /// <summary>Until when (local time) they wait: the morning the held messages go out.</summary>
    public TimeOnly? QuietUntil { get; private set; }

    /// <summary>The marketing categories the person takes as one email and push a day (<see cref="NotificationKinds.Digestible"/>).</summary>
    public List<NotificationCategory> DigestCategories { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Recipient For(Guid userId, DateTimeOffset now) => new() { UserId = userId, UpdatedAt = now };

    public void Identify(string? email, string? fullName, DateTimeOffset now)
    {
        Email = email ?? Email;
        FullName = fullName ?? FullName;
        UpdatedAt = now;
    }

    public void ChangeProfile(string fullName, string? phone, DateTimeOffset now)
    {
        FullName = fullName;
        Phone = phone;
        UpdatedAt = now;
    }

    public void Choose(string? language, string? timeZone, DateTimeOffset now)
    {
        Language = language ?? Language;
        TimeZone = timeZone ?? TimeZone;
        UpdatedAt = now;
    }

    public void SetQuietHours(TimeOnly? from, TimeOnly? until, DateTimeOffset now)
    {
        (QuietFrom, QuietUntil) = from is null || until is null || from == until ? (null, null) : (from, until);
        UpdatedAt = now;
    }

    public void ChooseDigests(IEnumerable<NotificationCategory> categories, DateTimeOffset now)
    {
        DigestCategories = categories.Distinct().Order().ToList();
        UpdatedAt = now;
    }

    /// <summary>The person's local date at <paramref name="now"/>: the day whose digest a notification made then joins.</summary>
    public DateOnly LocalDay(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    /// <summary>When the digest of <paramref name="day"/> goes out: at <paramref name="hour"/> the next morning, local time, or when quiet hours then end.</summary>
    public DateTimeOffset DigestDueAt(DateOnly day, TimeOnly hour)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = day.AddDays(1).ToDateTime(hour);
        return ReleaseTime(new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime());
    }

    /// <summary>
    /// When a non-urgent message made at <paramref name="now"/> may go out: at once, or at the end of the quiet hours it
    /// falls into (in the person's time zone; a window may run past midnight, 22:00 to 07:00).
    /// </summary>
    public DateTimeOffset ReleaseTime(DateTimeOffset now)
    {
        if (QuietFrom is not { } from || QuietUntil is not { } until)
            return now;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = from < until ? time >= from && time < until : time >= from || time < until;
        if (!quiet)
            return now;
        var day = DateOnly.FromDateTime(local.DateTime);
        if (from > until && time >= from)
            day = day.AddDays(1);
        var release = day.ToDateTime(until);
        return new DateTimeOffset(release, zone.GetUtcOffset(release)).ToUniversalTime();
    }
}
