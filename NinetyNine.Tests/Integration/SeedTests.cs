using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Support;

namespace NinetyNine.Tests.Integration;

/// <summary>What the README's run command leaves behind: a migrated database with the demo network. Read only.</summary>
[Collection(AppCollection.Name)]
public sealed class SeedTests(AppFactory app)
{
    [Fact]
    public async Task Start_up_applies_every_migration_and_the_model_has_no_unmigrated_change()
    {
        _ = app.Services;
        await using var db = await app.DbFactory.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", journal.Single());
    }

    [Fact]
    public async Task The_demo_network_is_seeded_as_the_case_describes()
    {
        _ = app.Services;
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var network = await db.Networks.AsNoTracking().SingleAsync();
        var groups = await db.ThemeGroups.AsNoTracking().OrderBy(g => g.Position).ToListAsync();
        var meeting = (await db.Meetings.AsNoTracking().Where(m => m.SeriesDate != null).ToListAsync()).MinBy(m => m.StartsAt)!;
        var applications = await db.Applications.AsNoTracking().ToListAsync();

        Assert.Equal("99vanTwente", network.Name);
        Assert.Equal(20, network.Employers.Count);
        Assert.Equal(6, network.Roles.Count(r => r.Role == NetworkRole.CoreGroupMember));
        Assert.Single(network.Roles, r => r.Role == NetworkRole.Coordinator);
        Assert.Equal(2, network.Roles.Count(r => r.Role == NetworkRole.Advisor));
        Assert.Equal(3, network.Cadence.IntervalWeeks);
        Assert.Equal(["Werkgelegenheid creëren", "In-, door- en uitstroom van kandidaten", "Wet- en regelgeving", "Kennisuitwisseling"], groups.Select(g => g.Name));
        var firstLead = network.PersonById(groups[0].LeadPersonId!.Value);
        Assert.Equal("Sallandse Wegenbouw", network.EmployerById(firstLead.EmployerId!.Value).Name);
        Assert.InRange(applications.Count, 1, 2);
        Assert.Equal(StandingAgenda.Items, meeting.Agenda.Select(i => i.Title));
        // The first meeting is prepared: the waiting applications under item 1, an update slot per theme group under item 2.
        Assert.Equal(applications.OrderBy(a => a.SubmittedAt).Select(a => a.CompanyName), meeting.Agenda[0].Topics.Select(t => t.Title));
        Assert.Equal(groups.Select(g => g.Name), meeting.Agenda[1].Topics.Select(t => t.Title));
        Assert.Equal(DateOnly.FromDateTime(meeting.StartsAt), meeting.SeriesDate);
        Assert.True(meeting.StartsAt > network.LocalNow(TimeProvider.System));
        Assert.Equal(0, (meeting.StartsAt.Date - network.Cadence.Anchor.ToDateTime(TimeOnly.MinValue)).Days % 21);
    }
}
