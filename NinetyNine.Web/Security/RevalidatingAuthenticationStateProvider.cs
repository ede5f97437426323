using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>
/// Re-checks a live circuit's user every minute: a deactivated person or a changed security stamp
/// (password reset, roles changed) loses access without waiting for the cookie to expire.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await IsStillValidAsync(scope.ServiceProvider, authenticationState.User, options.Value, cancellationToken);
    }

    public static async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal principal, IdentityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || !await services.GetRequiredService<AccountStatus>().IsActiveAsync(user, cancellationToken))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
