using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Account;

/// <summary>Sign-out and language choice: plain HTTP endpoints, because they set cookies.</summary>
public static class AccountEndpoints
{
    public static readonly string[] Cultures = ["nl", "en"];

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<UserAccount> signIn, [FromForm] string? returnUrl) =>
        {
            // The form (with its antiforgery token) is required, so no other site can sign a person out.
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPage.LocalUrl(returnUrl ?? "/account/login"));
        });

        endpoints.MapGet("/culture", async (HttpContext http, UserManager<UserAccount> users, [FromQuery(Name = "c")] string? culture, [FromQuery] string? returnUrl,
            [FromQuery] bool remember = false) =>
        {
            if (culture is null || !Cultures.Contains(culture))
            {
                return Results.BadRequest();
            }

            // Chosen on the profile, a signed-in person's language is remembered on their account and applied at every
            // sign-in; the quick switch in the app bar only sets this browser's cookie.
            if (remember && http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                && await users.FindByIdAsync(userId) is { } account && account.Language != culture)
            {
                account.Language = culture;
                await users.UpdateAsync(account);
            }

            SetCultureCookie(http, culture);
            return Results.LocalRedirect(LoginPage.LocalUrl(returnUrl));
        }).AllowAnonymous();

        return endpoints;
    }

    /// <summary>The language cookie the request localization reads; set by the language switch and at sign-in.</summary>
    public static void SetCultureCookie(HttpContext http, string? culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (culture is null || !Cultures.Contains(culture))
        {
            return;
        }

        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}
