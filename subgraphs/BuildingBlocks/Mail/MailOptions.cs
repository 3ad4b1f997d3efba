namespace GoShop.BuildingBlocks.Mail;

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary><c>pickup</c> writes each message as an .eml file into <see cref="PickupDirectory"/>; <c>smtp</c> sends it.</summary>
    public string Delivery { get; set; } = "pickup";

    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "goshop-mail");

    public string From { get; set; } = "GoShop <no-reply@goshop.dev>";

    public string SmtpHost { get; set; } = "127.0.0.1";

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary><c>starttls</c>, <c>ssl</c> or <c>none</c>.</summary>
    public string SmtpSecurity { get; set; } = "starttls";
}
