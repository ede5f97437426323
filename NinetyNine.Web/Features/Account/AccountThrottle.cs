using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NinetyNine.Web.Features.Account;

/// <summary>
/// The built-in rate limiters (System.Threading.RateLimiting) of the account pages, partitioned per client address or
/// per email address. Sign-in counts only failures, so a coordinator who signs in often never waits.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signInFailures;
    private readonly PartitionedRateLimiter<string> _resetsPerEmail;
    private readonly PartitionedRateLimiter<string> _resetsPerAddress;

    public AccountThrottle(IOptions<AccountOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _signInFailures = Window(o.SignInFailuresPerAddress, TimeSpan.FromMinutes(o.SignInFailureWindowMinutes));
        _resetsPerEmail = Window(o.ResetRequestsPerEmail, TimeSpan.FromMinutes(o.ResetRequestWindowMinutes));
        _resetsPerAddress = Window(o.ResetRequestsPerAddress, TimeSpan.FromMinutes(o.ResetRequestWindowMinutes));
    }

    /// <summary>True while this client address has used up its failed sign-ins of the current window.</summary>
    public bool SignInBlocked(string clientAddress) => _signInFailures.GetStatistics(clientAddress)?.CurrentAvailablePermits <= 0;

    public void SignInFailed(string clientAddress) => _signInFailures.AttemptAcquire(clientAddress).Dispose();

    /// <summary>Takes one reset request of this client address; false when it made too many.</summary>
    public bool TryResetRequestFrom(string clientAddress) => Take(_resetsPerAddress, clientAddress);

    /// <summary>Takes one reset email for this email address; false when it got enough for now.</summary>
    public bool TryResetEmailTo(string email) => Take(_resetsPerEmail, email.Trim().ToUpperInvariant());

    /// <summary>The client's address (the real one once forwarded headers are applied), the partition of the per-address limits.</summary>
    public static string ClientAddress(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    public void Dispose()
    {
        _signInFailures.Dispose();
        _resetsPerEmail.Dispose();
        _resetsPerAddress.Dispose();
    }

    private static bool Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
