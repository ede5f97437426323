using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Meetings.Live;

namespace NinetyNine.Tests.Integration;

/// <summary>Meetings closed before their date: the series still has its next two planned, and the closed ones are listed as held.</summary>
public sealed class MeetingSeriesInUseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_the_next_two_meetings_are_closed_early_two_regular_meetings_are_still_planned()
    {
        var coordinator = await app.MemberAsync(AppFactory.Coordinator);
        var queries = app.Services.GetRequiredService<MeetingQueries>();
        var agenda = app.Services.GetRequiredService<AgendaService>();
        var before = await queries.ListAsync(coordinator);
        var early = before.Upcoming.Where(r => r.Status == MeetingStatus.Planned && !r.IsExtra).Take(2).ToList();
        Assert.Equal(2, early.Count);

        var first = early[0].Id.Value;
        var item = (await agenda.SnapshotAsync(coordinator, first))!.Items[0].Id;
        Assert.True((await agenda.AddActionAsync(coordinator, first, Guid.NewGuid(), item, "Flyer maken", null, null)).Accepted);
        foreach (var row in early)
        {
            Assert.True((await agenda.CloseMeetingAsync(coordinator, row.Id.Value, Guid.NewGuid())).Accepted);
        }

        var after = await queries.ListAsync(coordinator);

        // Two regular meetings to come, after the two closed ones.
        var planned = after.Upcoming.Where(r => r.Status == MeetingStatus.Planned && !r.IsExtra).ToList();
        Assert.True(planned.Count >= 2, $"Only {planned.Count} regular meeting(s) planned after two early closes.");
        Assert.All(planned, r => Assert.True(r.StartsAt > early[^1].StartsAt));
        Assert.DoesNotContain(after.Upcoming, r => early.Any(e => e.Id == r.Id));

        // The closed ones are among the earlier meetings, at the day they were held (today), first.
        var closed = after.Past.Where(r => early.Any(e => e.Id == r.Id)).ToList();
        Assert.Equal(2, closed.Count);
        Assert.All(closed, r =>
        {
            Assert.Equal(MeetingStatus.Closed, r.Status);
            Assert.Equal(after.Now.Date, r.HeldAt!.Value.Date);
            Assert.True(r.HeldOnOtherDay);
        });
        Assert.Equal(closed.Select(r => r.Id.Value).Order(), after.Past.Take(2).Select(r => r.Id.Value).Order());

        // The open action of the first went on to the second, and from there to the next meeting still to come.
        var carriedTo = await FindHolderAsync("Flyer maken");
        Assert.Equal(planned[0].Id, carriedTo);
    }

    private async Task<MeetingId?> FindHolderAsync(string action)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var open = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned).ToListAsync();
        return open.SingleOrDefault(m => m.Agenda.Any(i => i.HoldsOpenActions && i.ActionItems.Any(a => a.Text == action)))?.Id;
    }
}
