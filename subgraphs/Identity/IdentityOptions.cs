namespace GoShop.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>How long a signing key signs new tokens before the next one takes over.</summary>
    public int SigningKeyDays { get; set; } = 90;

    /// <summary>Key of the HMAC that fingerprints shipper ID numbers. Set a secret of your own outside development.</summary>
    public string IdNumberHashKey { get; set; } = "development-only-id-number-key";

    public int ResetCodeMinutes { get; set; } = 10;

    public int ResetCodeMaxAttempts { get; set; } = 5;

    public int ResetRequestsPerHour { get; set; } = 3;

    /// <summary>Failed logins per email within <see cref="LoginWindowMinutes"/> before it is locked for the window.</summary>
    public int LoginFailuresPerEmail { get; set; } = 5;

    /// <summary>Login attempts per client IP within <see cref="LoginWindowMinutes"/>.</summary>
    public int LoginAttemptsPerIp { get; set; } = 30;

    public int LoginWindowMinutes { get; set; } = 15;

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(RefreshTokenDays);
}
