using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>
/// Keeps a sign-in cookie in step with the account on every request: a changed security stamp (deactivated, password
/// changed) signs the person out at once; a changed access stamp (roles changed) gives the cookie the person's current
/// claims, so their next request already sees what their new roles allow. Identity's own check also runs, every minute.
/// </summary>
public static class AccessRefresh
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal || principal.FindFirst(NetworkClaims.Access) is not { } access)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<UserAccount>>();
        var account = await users.GetUserAsync(principal);
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (account is null || principal.FindFirstValue(stampClaim) != account.SecurityStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (access.Value != (account.AccessStamp ?? string.Empty))
        {
            var signIn = services.GetRequiredService<SignInManager<UserAccount>>();
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(account));
            context.ShouldRenew = true;
        }
    }
}
