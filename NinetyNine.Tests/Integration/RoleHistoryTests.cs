using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;
using NinetyNine.Web.Features.Members;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>The employer timeline shows its people's roles over time, ended ones included, after a save and a reload.</summary>
public sealed class RoleHistoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_role_that_ended_stays_on_the_employers_timeline_with_its_end_date()
    {
        var ended = new DateOnly(2026, 11, 20);
        EmployerId employerId;
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
            var henk = network.People.Single(p => p.Name == "Henk Nijhuis");
            employerId = henk.EmployerId!.Value;
            network.RevokeRole(henk.Id, NetworkRole.CoreGroupMember, ended);
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var timeline = (await scope.ServiceProvider.GetRequiredService<EmployerTimelineQueries>()
            .LoadAsync(await app.MemberAsync(AppFactory.Coordinator), employerId))!;

        var start = Assert.Single(timeline.Entries, e => e.Kind == TimelineEntryKind.Role && e.Role == NetworkRole.CoreGroupMember);
        var end = Assert.Single(timeline.Entries, e => e.Kind == TimelineEntryKind.RoleEnded);
        Assert.Equal(("Henk Nijhuis", NetworkRole.CoreGroupMember, ended), (end.PersonName, end.Role, end.On));
        Assert.True(start.On <= end.On);
        Assert.Contains(timeline.Entries, e => e.Kind == TimelineEntryKind.Role && e.Role == NetworkRole.Participant);
        await using var check = await app.DbFactory.CreateDbContextAsync();
        var reloaded = await check.Networks.AsNoTracking().SingleAsync();
        Assert.False(reloaded.HasRole(reloaded.People.Single(p => p.Name == "Henk Nijhuis").Id, NetworkRole.CoreGroupMember));
    }
}
