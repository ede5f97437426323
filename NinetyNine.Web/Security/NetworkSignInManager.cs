using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>Identity's sign-in, refusing accounts whose person was deactivated in the network.</summary>
public sealed class NetworkSignInManager(
    UserManager<UserAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<UserAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation,
    AccountStatus status)
    : SignInManager<UserAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user) =>
        await base.CanSignInAsync(user) && await status.IsActiveAsync(user);
}
