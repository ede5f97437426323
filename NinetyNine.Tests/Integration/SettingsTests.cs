using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Boards;
using NinetyNine.Web.Features.Dashboard;
using NinetyNine.Web.Features.Meetings;
using NinetyNine.Web.Features.Settings;
using NinetyNine.Web.Features.ThemeGroups;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>
/// The coordinator's network settings through their service on the real database: only the coordinator, every change
/// against the version seen, and each setting reaching where it is used (the public page, newly planned meetings, the
/// dashboard and the boards).
/// </summary>
public sealed class SettingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(SettingsService Settings, CurrentMember Coordinator, AsyncServiceScope Scope)> ServiceAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        return (scope.ServiceProvider.GetRequiredService<SettingsService>(), await app.MemberAsync(AppFactory.Coordinator), scope);
    }

    [Fact]
    public async Task The_coordinator_changes_name_region_public_text_and_cadence_and_the_public_page_shows_them()
    {
        var (settings, coordinator, scope) = await ServiceAsync();
        await using var _ = scope;
        var view = await settings.LoadAsync(coordinator);
        var form = view.Settings;
        form.Region = "Twente en Achterhoek";
        form.Description = "Samen maken wij werk van werk.\nDoe mee!";
        form.IntervalWeeks = 4;

        await settings.SaveSettingsAsync(coordinator, view.Version, form);

        var network = await app.NetworkAsync();
        Assert.Equal(("Twente en Achterhoek", 4), (network.Region, network.Cadence.IntervalWeeks));
        var page = await app.CreateClient().GetStringAsync("/n/99vantwente");
        Assert.Contains("Samen maken wij werk van werk.", page, StringComparison.Ordinal);
        Assert.Contains("Twente en Achterhoek", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_bad_input_is_refused_with_nothing_written()
    {
        var (settings, coordinator, scope) = await ServiceAsync();
        await using var _ = scope;
        var seen = await settings.LoadAsync(coordinator);
        var first = seen.Settings;
        first.Name = "99vanTwente (eerste)";
        await settings.SaveSettingsAsync(coordinator, seen.Version, first);

        var second = (await settings.LoadAsync(coordinator)).Settings;
        second.Name = "99vanTwente (tweede, op oude versie)";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => settings.SaveSettingsAsync(coordinator, seen.Version, second));
        var current = await settings.LoadAsync(coordinator);
        current.Settings.MeetingDate = new DateOnly(9999, 12, 31);
        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => settings.SaveSettingsAsync(coordinator, current.Version, current.Settings));

        Assert.Contains(invalid.Errors, e => e.PropertyName == nameof(NetworkSettings.MeetingDate));
        var network = await app.NetworkAsync();
        Assert.Equal("99vanTwente (eerste)", network.Name);
        Assert.NotEqual(new DateOnly(9999, 12, 31), network.Cadence.Anchor);
    }

    [Theory]
    [InlineData(AppFactory.CoreGroupMember)]
    [InlineData(AppFactory.ThemeLead)]
    [InlineData(AppFactory.Participant)]
    public async Task Nobody_but_the_coordinator_reads_or_changes_the_settings(string email)
    {
        var (settings, coordinator, scope) = await ServiceAsync();
        await using var _ = scope;
        var someone = await app.MemberAsync(email);
        var view = await settings.LoadAsync(coordinator);

        await Assert.ThrowsAsync<ForbiddenException>(() => settings.LoadAsync(someone));
        await Assert.ThrowsAsync<ForbiddenException>(() => settings.SaveSettingsAsync(someone, view.Version, view.Settings));
        await Assert.ThrowsAsync<ForbiddenException>(() => settings.StartThemeGroupAsync(someone, "Eigen groep", null));
        await Assert.ThrowsAsync<ForbiddenException>(() => settings.ArchiveThemeGroupAsync(someone, view.ThemeGroups[0].Id, view.ThemeGroups[0].Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => settings.SetListedAsync(someone, view.Version, view.Employers[0].Id, !view.Employers[0].Listed));
        var client = await SignedInClient.SignInAsync(app, email);
        var response = await client.GetAsync("/settings");
        Assert.DoesNotContain("Instellingen van het netwerk", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standing_agenda_is_what_a_newly_planned_meeting_starts_with()
    {
        var (settings, coordinator, scope) = await ServiceAsync();
        await using var _ = scope;
        var view = await settings.LoadAsync(coordinator);
        IReadOnlyList<StandingAgendaItem> agenda =
        [
            new("Opening en mededelingen"),
            .. view.StandingAgenda.Where(i => i.Kind != StandingItem.Developments),
        ];

        await settings.SaveStandingAgendaAsync(coordinator, view.Version, agenda);

        var series = scope.ServiceProvider.GetRequiredService<MeetingSeriesService>();
        var planned = await series.PlanExtraAsync(coordinator, new PlanMeeting
        {
            Date = DateTime.Today.AddDays(40), Time = new TimeSpan(8, 0, 0), DurationMinutes = 60, Mode = MeetingMode.Phone,
        });
        await using var db = await app.DbFactory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == planned);
        Assert.Equal(agenda.Select(i => i.Title), meeting.Agenda.Take(agenda.Count).Select(i => i.Title));
        Assert.DoesNotContain(meeting.Agenda, i => i.Title == StandingAgenda.TitleOf(StandingItem.Developments));
        var removingApplications = view.StandingAgenda.Where(i => i.Kind != StandingItem.Applications).ToList();
        var version = (await settings.LoadAsync(coordinator)).Version;
        await Assert.ThrowsAnyAsync<NinetyNine.Domain.Common.DomainException>(() => settings.SaveStandingAgendaAsync(coordinator, version, removingApplications));
    }

    [Fact]
    public async Task A_started_group_is_listed_and_an_archived_one_leaves_the_lists_with_its_board_readable_and_unchangeable()
    {
        var (settings, coordinator, scope) = await ServiceAsync();
        await using var _ = scope;
        var groups = scope.ServiceProvider.GetRequiredService<ThemeGroupService>();
        var boards = app.Services.GetRequiredService<BoardService>();

        var id = await settings.StartThemeGroupAsync(coordinator, "Duurzame inzetbaarheid", "Mensen blijven aan het werk.");
        await Assert.ThrowsAsync<NinetyNine.Domain.Common.DomainException>(() => settings.StartThemeGroupAsync(coordinator, "duurzame inzetbaarheid ", null));
        Assert.Contains(await groups.ListAsync(coordinator), g => g.Id == id);
        var boardId = (await boards.BoardOfAsync(coordinator, id))!.Value;
        var before = (await boards.SnapshotAsync(coordinator, boardId))!;
        Assert.True(before.CanEdit);

        var group = (await settings.LoadAsync(coordinator)).ThemeGroups.Single(g => g.Id == id);
        await settings.ArchiveThemeGroupAsync(coordinator, id, group.Version);

        Assert.DoesNotContain(await groups.ListAsync(coordinator), g => g.Id == id);
        var after = (await boards.SnapshotAsync(coordinator, boardId))!;
        Assert.False(after.CanEdit);
        var refused = await boards.AddCardAsync(coordinator, boardId, Guid.NewGuid(), after.Columns[0].Id,
            new CardFieldsState("Nog een kaart", string.Empty, null, null, [], [], [], NinetyNine.Domain.Boards.FundingStatus.NotNeeded, null, null));
        Assert.False(refused.Accepted);
        Assert.False(string.IsNullOrWhiteSpace(refused.Error));
        var archived = (await settings.LoadAsync(coordinator)).ThemeGroups.Single(g => g.Id == id);
        Assert.NotNull(archived.ArchivedOn);
        var dashboard = await SignedInClient.SignInAsync(app, AppFactory.Coordinator);
        Assert.DoesNotContain("Duurzame inzetbaarheid", await dashboard.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_an_employers_consent_takes_it_off_the_public_page()
    {
        var (settings, coordinator, scope) = await ServiceAsync();
        await using var _ = scope;
        var view = await settings.LoadAsync(coordinator);
        var listed = view.Employers.First(e => e.Listed);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(listed.Name), await app.CreateClient().GetStringAsync("/n/99vantwente"), StringComparison.Ordinal);

        await settings.SetListedAsync(coordinator, view.Version, listed.Id, false);

        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(listed.Name), await app.CreateClient().GetStringAsync("/n/99vantwente"), StringComparison.Ordinal);
        Assert.False((await settings.LoadAsync(coordinator)).Employers.Single(e => e.Id == listed.Id).Listed);
    }
}
