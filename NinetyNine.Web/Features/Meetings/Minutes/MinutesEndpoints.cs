using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Meetings.Minutes;

public static class MinutesEndpoints
{
    /// <summary>The minutes as a Markdown download, for any member of the meeting's network (the default policy).</summary>
    public static IEndpointRouteBuilder MapMinutesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{id:guid}/minutes.md", async (Guid id, ClaimsPrincipal user, MeetingQueries meetings,
            NetworkDirectory networks, IStringLocalizer<SharedResource> l) =>
        {
            var member = CurrentMember.From(user);
            var meeting = await meetings.FindAsync(member, new MeetingId(id));
            if (meeting is null)
            {
                return Results.NotFound();
            }

            var markdown = MinutesMarkdown.For(meeting, await networks.NameAsync(member.NetworkId), l);
            var name = string.Create(CultureInfo.InvariantCulture, $"verslag-kerngroep-{meeting.StartsAt:yyyy-MM-dd}.md");
            return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", name);
        });
        return endpoints;
    }
}
