using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Security;

/// <summary>
/// Signs a server-side hub client (the Blazor page's own HubConnection) in: the circuit's user gets a
/// short-lived ticket from Data Protection, the connection passes it as its access token, and this
/// handler turns it back into the user, who must still be active. Browsers and other clients use the cookie.
/// </summary>
public static class HubTicketAuthentication
{
    public const string Scheme = "HubTicket";
    public const string Schemes = "Identity.Application," + Scheme;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public static AuthenticationBuilder AddHubTickets(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<HubTickets>();
        return builder.AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null);
    }

    public sealed class HubTickets(IDataProtectionProvider dataProtection)
    {
        private readonly ITimeLimitedDataProtector _protector =
            dataProtection.CreateProtector("NinetyNine.HubTicket.v1").ToTimeLimitedDataProtector();

        public string Issue(ClaimsPrincipal user) =>
            _protector.Protect(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException(), Lifetime);

        public string? UserIdOf(string ticket)
        {
            try
            {
                return _protector.Unprotect(ticket);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return null;
            }
        }
    }

    private sealed class Handler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        HubTickets tickets,
        UserManager<UserAccount> users,
        IUserClaimsPrincipalFactory<UserAccount> claims,
        AccountStatus status)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var ticket = Request.Query["access_token"].ToString();
            if (string.IsNullOrEmpty(ticket) && Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                ticket = header["Bearer ".Length..];
            }

            if (string.IsNullOrEmpty(ticket))
            {
                return AuthenticateResult.NoResult();
            }

            var user = tickets.UserIdOf(ticket) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || !await status.IsActiveAsync(user, Context.RequestAborted))
            {
                return AuthenticateResult.Fail("Invalid or expired ticket.");
            }

            var principal = await claims.CreateAsync(user);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }
    }
}
