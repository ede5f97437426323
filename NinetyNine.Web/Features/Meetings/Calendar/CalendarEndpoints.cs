using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Calendar;

/// <summary>
/// A personal calendar feed (calendar apps cannot sign in, so the address itself carries a protected token of
/// the person; it stops working when they are deactivated) and a one-off .ics per meeting.
/// </summary>
public sealed class CalendarFeeds(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NinetyNine.CalendarFeed.v1");

    public string PathFor(ClaimsPrincipal user) =>
        $"/calendar/{_protector.Protect(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException())}.ics";

    public string? UserIdOf(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{id:guid}.ics", async (Guid id, ClaimsPrincipal user, HttpContext http, MeetingQueries meetings,
            NetworkDirectory networks, IStringLocalizer<SharedResource> l) =>
        {
            var member = CurrentMember.From(user);
            var meeting = await meetings.FindAsync(member, new MeetingId(id));
            return meeting is null
                ? Results.NotFound()
                : Ics(MeetingCalendar.ToIcs([meeting], await networks.NameAsync(member.NetworkId), await networks.TimeZoneAsync(member.NetworkId),
                    BaseUri(http), l["Meeting.Title"]), $"kerngroep-{meeting.StartsAt:yyyy-MM-dd}.ics");
        });

        endpoints.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, CalendarFeeds feeds, UserManager<UserAccount> users,
            AccountStatus status, IDbContextFactory<NinetyNineDb> dbFactory, NetworkDirectory networks, IStringLocalizer<SharedResource> l) =>
        {
            var account = feeds.UserIdOf(token) is { } userId ? await users.FindByIdAsync(userId) : null;
            if (account is null || !await status.IsActiveAsync(account))
            {
                return Results.NotFound();
            }

            await using var db = await dbFactory.CreateDbContextAsync();
            var since = DateTime.Today.AddDays(-90);
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.NetworkId == account.NetworkId && m.StartsAt >= since)
                .OrderBy(m => m.StartsAt)
                .ToListAsync();
            return Ics(MeetingCalendar.ToIcs(meetings, await networks.NameAsync(account.NetworkId), await networks.TimeZoneAsync(account.NetworkId),
                BaseUri(http), l["Meeting.Title"]), "kerngroep.ics");
        }).AllowAnonymous();

        return endpoints;
    }

    private static Uri BaseUri(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    private static IResult Ics(string calendar, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", fileName);
}
