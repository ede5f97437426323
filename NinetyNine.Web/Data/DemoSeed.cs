using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;
using NinetyNine.Domain.Networks;
using NinetyNine.Domain.Onboarding;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Web.Data;

/// <summary>
/// Seeds the demo network (99vanTwente) from the committed <c>data/seed/99vantwente.json</c> into an
/// empty database, through the domain's own methods so the seed obeys every invariant.
/// Demo sign-in accounts are created only when <c>Seed:DemoAccounts</c> is on.
/// </summary>
public sealed class DemoSeed(IDbContextFactory<NinetyNineDb> dbFactory, IServiceProvider services, IConfiguration configuration,
    TimeProvider time, ILogger<DemoSeed> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seed", "99vantwente.json");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!configuration.GetValue("Seed:DemoNetwork", false))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Networks.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var stream = File.OpenRead(SeedPath);
        var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException("The seed file is empty.");

        var network = BuildNetwork(seed, time);
        db.Networks.Add(network);
        var groups = BuildThemeGroups(seed, network).ToList();
        db.ThemeGroups.AddRange(groups);
        var applications = seed.Applications.Select(a =>
            Application.Submit(network.Id, a.ToForm(), time.GetUtcNow().AddDays(-a.SubmittedDaysAgo))).ToList();
        db.Applications.AddRange(applications);

        // The first meeting of the series, prepared like every new one; the series plans the next ones itself.
        var localNow = network.LocalNow(time);
        var start = network.Cadence.NextAfter(localNow);
        var meeting = Meeting.Schedule(network.Id, start, network.Cadence.DurationMinutes, network.Cadence.Mode, network.Cadence.ModeDetails,
            localNow, DateOnly.FromDateTime(start), network.StandingAgenda);
        AgendaPreparation.Prepare(meeting, network, groups, applications);
        db.Meetings.Add(meeting);
        var template = OnboardingTemplate.Default(network.Id, time.GetUtcNow());
        db.OnboardingTemplates.Add(template);
        db.OnboardingChecklists.AddRange(seed.Onboarding.Select(o => BuildChecklist(o, network, template, time.GetUtcNow())));
        db.Boards.AddRange(seed.Boards.Select(b => BuildBoard(b, network, groups.Single(g => g.Name == b.Group), time.GetUtcNow())));
        await db.SaveChangesAsync(cancellationToken);

        if (configuration.GetValue("Seed:DemoAccounts", false))
        {
            await CreateDemoAccountsAsync(seed, network);
        }

        logger.LogInformation("Seeded the demo network with {Employers} employers", network.Employers.Count);
    }

    private static Network BuildNetwork(SeedFile seed, TimeProvider time)
    {
        var n = seed.Network;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var network = Network.Found(n.Name, n.Slug, n.Region,
            new MeetingCadence(n.Cadence.Anchor, n.Cadence.StartTime, n.Cadence.IntervalWeeks, n.Cadence.DurationMinutes, n.MeetingMode, n.MeetingDetails),
            seed.Coordinator.Name, EmailAddress.Parse(seed.Coordinator.Email), seed.Coordinator.Organisation,
            today);

        foreach (var e in seed.Employers)
        {
            var joinedOn = e.JoinedDaysAgo is { } days ? today.AddDays(-days) : e.JoinedOn;
            var employer = network.AddEmployer(e.Name, KvkNumber.Parse(e.Kvk), e.Sector, e.Town, joinedOn, e.JobsAmbition, e.Listed);
            network.RecordJobs(employer.Id, e.JobsAmbition, e.JobsRealised);
        }

        foreach (var p in seed.People)
        {
            var employer = p.Employer is null ? null : (EmployerId?)network.Employers.Single(e => e.Name == p.Employer).Id;
            var person = network.AddPerson(p.Name, EmailAddress.Parse(p.Email), p.Phone, p.Function, employer, p.Organisation);
            var since = employer is { } id ? network.EmployerById(id).JoinedOn : today;
            foreach (var role in p.Roles)
            {
                network.AssignRole(person.Id, role, since);
            }
        }

        return network;
    }

    /// <summary>
    /// A newcomer's onboarding begun at its joining date, with the steps the seed says are done ticked by their assignee,
    /// spread evenly until the last tick the seed gives (so one demo onboarding is moving and one has stalled).
    /// </summary>
    private static OnboardingChecklist BuildChecklist(SeedOnboarding seed, Network network, OnboardingTemplate template, DateTimeOffset now)
    {
        var employer = network.Employers.Single(e => e.Name == seed.Employer);
        var contact = seed.Contact is null ? (PersonId?)null : PersonByEmail(network, seed.Contact).Id;
        var known = seed.Assign.ToDictionary(a => a.Key, a => PersonByEmail(network, a.Value).Id);
        known[StepOwner.Coordinator] = network.Coordinator.Id;
        var admitted = new DateTimeOffset(employer.JoinedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var checklist = OnboardingChecklist.Start(template, network.Id, employer.Id, contact, employer.JoinedOn, known, admitted);
        var span = now.AddDays(-seed.LastTickDaysAgo) - admitted;
        for (var i = 0; i < seed.Done.Count; i++)
        {
            var step = seed.Done[i];
            checklist.Tick(step, checklist.Steps[step].AssigneeId ?? network.Coordinator.Id, admitted + span * (i + 1) / seed.Done.Count);
        }

        return checklist;
    }

    /// <summary>A theme group's board with the demo cards of the seed, made by the group's lead.</summary>
    private static Board BuildBoard(SeedBoard seed, Network network, ThemeGroup group, DateTimeOffset now)
    {
        var board = Board.Open(group);
        var lead = group.LeadPersonId ?? network.Coordinator.Id;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        EmployerId EmployerNamed(string name) => network.Employers.Single(e => e.Name == name).Id;
        foreach (var c in seed.Cards)
        {
            var fields = CardFields.New(c.Title) with
            {
                Description = c.Description ?? string.Empty,
                OwnerId = c.Owner is null ? null : PersonByEmail(network, c.Owner).Id,
                DueOn = c.DueInDays is { } days ? today.AddDays(days) : null,
                Stakeholders = c.Stakeholders ?? [],
                Labels = c.Labels ?? [],
                Employers = [.. (c.Employers ?? []).Select(EmployerNamed)],
                Funding = c.Funding ?? FundingStatus.NotNeeded,
                FundedBy = c.FundedBy is null ? null : EmployerNamed(c.FundedBy),
                FundingAmount = c.Amount,
            };
            var card = board.AddCard(board.Columns[c.Column].Id, fields, lead, now);
            if (c.LegalQuestion is not null)
            {
                board.AskLegalAdvice(card.Id, c.LegalQuestion, network.PersonById(lead).Name, now);
            }
        }

        return board;
    }

    private static IEnumerable<ThemeGroup> BuildThemeGroups(SeedFile seed, Network network)
    {
        for (var i = 0; i < seed.ThemeGroups.Count; i++)
        {
            var g = seed.ThemeGroups[i];
            var group = ThemeGroup.Start(network, g.Name, g.Goal, i);
            group.AssignLead(network, PersonByEmail(network, g.Lead).Id);
            foreach (var name in g.Members)
            {
                var employer = network.Employers.Single(e => e.Name == name);
                if (!group.HasMember(employer.Id))
                {
                    group.AddMember(network, employer.Id);
                }
            }

            foreach (var advisor in g.Advisors)
            {
                group.AssignAdvisor(network, PersonByEmail(network, advisor).Id);
            }

            yield return group;
        }
    }

    private async Task CreateDemoAccountsAsync(SeedFile seed, Network network)
    {
        var password = configuration["Seed:DemoPassword"];
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("Seed:DemoAccounts is on but Seed:DemoPassword is not set.");
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        foreach (var email in seed.DemoAccounts)
        {
            var person = PersonByEmail(network, email);
            var account = new UserAccount
            {
                UserName = person.Email.Value,
                Email = person.Email.Value,
                EmailConfirmed = true,
                NetworkId = network.Id,
                PersonId = person.Id,
            };
            var result = await users.CreateAsync(account, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    private static Person PersonByEmail(Network network, string email) =>
        network.People.Single(p => p.Email == EmailAddress.Parse(email));

    private sealed record SeedFile(SeedNetwork Network, SeedCoordinator Coordinator, List<SeedEmployer> Employers,
        List<SeedPerson> People, List<SeedThemeGroup> ThemeGroups, List<SeedApplication> Applications, List<SeedOnboarding> Onboarding, List<SeedBoard> Boards, List<string> DemoAccounts);

    private sealed record SeedBoard(string Group, List<SeedCard> Cards);

    private sealed record SeedCard(int Column, string Title, string? Description, string? Owner, int? DueInDays, List<string>? Stakeholders,
        List<string>? Labels, List<string>? Employers, FundingStatus? Funding, string? FundedBy, decimal? Amount, string? LegalQuestion);

    private sealed record SeedOnboarding(string Employer, string? Contact, List<int> Done, int LastTickDaysAgo, Dictionary<StepOwner, string> Assign);

    private sealed record SeedNetwork(string Name, string Slug, string Region, SeedCadence Cadence, MeetingMode MeetingMode, string? MeetingDetails);

    private sealed record SeedCadence(DateOnly Anchor, TimeOnly StartTime, int IntervalWeeks, int DurationMinutes);

    private sealed record SeedCoordinator(string Name, string Email, string? Phone, string? Organisation);

    private sealed record SeedEmployer(string Name, string Kvk, string Sector, string Town, DateOnly JoinedOn, int JobsAmbition, int JobsRealised, bool Listed,
        int? JoinedDaysAgo = null);

    private sealed record SeedPerson(string Name, string Email, string? Phone, string? Function, string? Employer, string? Organisation, List<NetworkRole> Roles);

    private sealed record SeedThemeGroup(string Name, string Goal, string Lead, List<string> Members, List<string> Advisors);

    private sealed record SeedApplication(string CompanyName, string Kvk, string Sector, string Town, int Employees, string? Website,
        string ContactName, string? ContactRole, string ContactEmail, string? ContactPhone, string Motivation, Offer Offers,
        bool ConsentToBeListed, int SubmittedDaysAgo)
    {
        public SubmitApplication ToForm() => new()
        {
            CompanyName = CompanyName, Kvk = Kvk, Sector = Sector, Town = Town, Employees = Employees, Website = Website,
            ContactName = ContactName, ContactRole = ContactRole, ContactEmail = ContactEmail, ContactPhone = ContactPhone,
            Motivation = Motivation, Offers = Offers, ConsentToBeListed = ConsentToBeListed,
        };
    }
}
