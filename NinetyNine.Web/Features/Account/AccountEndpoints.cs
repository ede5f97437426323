using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Account;

/// <summary>Sign-out and language choice: plain HTTP endpoints, because they set cookies.</summary>
public static class AccountEndpoints
{
    private static readonly string[] Cultures = ["nl", "en"];

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<UserAccount> signIn, [FromForm] string? returnUrl) =>
        {
            // The form (with its antiforgery token) is required, so no other site can sign a person out.
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPage.LocalUrl(returnUrl ?? "/account/login"));
        });

        endpoints.MapGet("/culture", (HttpContext http, [FromQuery(Name = "c")] string? culture, [FromQuery] string? returnUrl) =>
        {
            if (culture is null || !Cultures.Contains(culture))
            {
                return Results.BadRequest();
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LoginPage.LocalUrl(returnUrl));
        }).AllowAnonymous();

        return endpoints;
    }
}
