namespace NinetyNine.Web.Features.Account;

/// <summary>Limits of sign-in and password reset (<c>Accounts</c> in appsettings).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins one client address may make per window before it has to wait.</summary>
    public int SignInFailuresPerAddress { get; set; } = 5;

    public int SignInFailureWindowMinutes { get; set; } = 5;

    /// <summary>Failed sign-ins that lock an account; kept above the per-address limit, so one address cannot lock anyone out.</summary>
    public int LockoutAfterFailures { get; set; } = 10;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Reset emails one address receives per window; further requests are answered alike but send nothing.</summary>
    public int ResetRequestsPerEmail { get; set; } = 3;

    /// <summary>Reset requests one client address may make per window.</summary>
    public int ResetRequestsPerAddress { get; set; } = 10;

    public int ResetRequestWindowMinutes { get; set; } = 60;
}
