using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>
/// Re-checks a live circuit's user every minute: a deactivated person or a changed security stamp
/// (password reset, deactivation) loses access without waiting for the cookie to expire; changed roles
/// (a changed access stamp) give the circuit the person's current claims, and every page re-checks what they may see.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        ValidateAsync(authenticationState, cancellationToken);

    /// <summary>
    /// One round of checks. A session that closes while its check runs cancels it: that is an ordinary close, not an
    /// error (the base class would log any exception as one), so the round just ends.
    /// </summary>
    internal async Task<bool> ValidateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        ClaimsPrincipal? current;
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            current = await CurrentPrincipalAsync(scope.ServiceProvider, authenticationState.User, options.Value, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }

        if (current is null)
        {
            return false;
        }

        if (!ReferenceEquals(current, authenticationState.User))
        {
            // Starts the next round of checks with the new claims; this round ends.
            SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        }

        return true;
    }

    public static async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal principal, IdentityOptions options, CancellationToken cancellationToken = default) =>
        await CurrentPrincipalAsync(services, principal, options, cancellationToken) is not null;

    /// <summary>
    /// The principal a session should carry now: null when the account may no longer be used (deactivated, security
    /// stamp changed), <paramref name="principal"/> itself when nothing changed, or fresh claims when the roles changed.
    /// </summary>
    public static async Task<ClaimsPrincipal?> CurrentPrincipalAsync(IServiceProvider services, ClaimsPrincipal principal, IdentityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !await services.GetRequiredService<AccountStatus>().IsActiveAsync(user, cancellationToken))
        {
            return null;
        }

        if (users.SupportsUserSecurityStamp
            && principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
        {
            return null;
        }

        return principal.FindFirstValue(NetworkClaims.Access) == (user.AccessStamp ?? string.Empty)
            ? principal
            : await services.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(user);
    }
}
