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
/// the person and the generation of their address; it stops working when they are deactivated or replace it) and a
/// one-off .ics per meeting.
/// </summary>
public sealed class CalendarFeeds(IDataProtectionProvider dataProtection, IDbContextFactory<NinetyNineDb> dbFactory)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NinetyNine.CalendarFeed.v1");

    /// <summary>The signed-in person's current subscription path.</summary>
    public async Task<string> PathForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = UserIdOf(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.Users.Where(u => u.Id == userId).Select(u => (int?)u.CalendarFeedVersion).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException();
        return PathFor(userId, version);
    }

    /// <summary>Gives the person a new address; the one they had is refused from now on.</summary>
    public async Task<string> ReplaceAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = UserIdOf(user);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedVersion, u => u.CalendarFeedVersion + 1), cancellationToken) != 1)
            {
                throw new ForbiddenException();
            }
        }

        return await PathForAsync(user, cancellationToken);
    }

    /// <summary>The account and address generation a token names, or null for a token that is not ours.</summary>
    public (string UserId, int Version)? Read(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        // Addresses handed out before replacing existed carry only the account: they are generation 0.
        var separator = payload.LastIndexOf(':');
        if (separator < 0)
        {
            return (payload, 0);
        }

        return int.TryParse(payload.AsSpan(separator + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? (payload[..separator], version)
            : null;
    }

    private string PathFor(string userId, int version) =>
        $"/calendar/{_protector.Protect(FormattableString.Invariant($"{userId}:{version}"))}.ics";

    private static string UserIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException();
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
            var feed = feeds.Read(token);
            var account = feed is { } f ? await users.FindByIdAsync(f.UserId) : null;
            if (account is null || account.CalendarFeedVersion != feed!.Value.Version || !await status.IsActiveAsync(account))
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
