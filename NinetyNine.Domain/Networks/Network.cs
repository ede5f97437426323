using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Meetings;

namespace NinetyNine.Domain.Networks;

/// <summary>
/// A regional employer network (a "99van"). Owns its participating employers, the people who work
/// with it and their roles. Invariants: exactly one coordinator at a time; a core group member
/// represents an active participating employer; KvK numbers are unique in the network.
/// </summary>
public sealed class Network : IAggregateRoot
{
    public const int NameMaxLength = 100;
    public const int RegionMaxLength = 100;
    public const int SlugMaxLength = 60;
    public const int SlugMinLength = 3;
    public const int DescriptionMaxLength = 2_000;
    public const string DefaultTimeZone = "Europe/Amsterdam";

    private readonly List<Employer> _employers = [];
    private readonly List<Person> _people = [];
    private readonly List<RoleAssignment> _roles = [];

    private Network() { }

    public NetworkId Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string Region { get; private set; } = string.Empty;
    public string TimeZoneId { get; private set; } = DefaultTimeZone;
    public MeetingCadence Cadence { get; private set; } = null!;

    /// <summary>What the network is, in its own words: the text of its public page (plain text, no logo).</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>The items every meeting planned from now on starts with, in order (<see cref="ChangeStandingAgenda"/>).</summary>
    public IReadOnlyList<StandingAgendaItem> StandingAgenda { get; private set; } = Meetings.StandingAgenda.Default;
    public int Version { get; private set; }

    public IReadOnlyList<Employer> Employers => _employers.AsReadOnly();
    public IReadOnlyList<Person> People => _people.AsReadOnly();
    /// <summary>The roles people hold now.</summary>
    public IReadOnlyList<RoleAssignment> Roles => [.. _roles.Where(r => r.IsCurrent)];

    /// <summary>Every role ever held, ended ones included: who did what, when.</summary>
    public IReadOnlyList<RoleAssignment> RoleHistory => _roles.AsReadOnly();

    public Person Coordinator => PersonById(_roles.Single(r => r.IsCurrent && r.Role == NetworkRole.Coordinator).PersonId);

    /// <summary>
    /// Founds a network; it always has a coordinator, so the founder names one. Its standing agenda is the case's
    /// four items unless <paramref name="standingAgenda"/> says otherwise.
    /// </summary>
    public static Network Found(string name, string slug, string region, MeetingCadence cadence,
        string coordinatorName, EmailAddress coordinatorEmail, string? coordinatorOrganisation, DateOnly today,
        IEnumerable<StandingAgendaItem>? standingAgenda = null)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        ArgumentNullException.ThrowIfNull(coordinatorEmail);
        var agenda = CheckedStandingAgenda(standingAgenda ?? Meetings.StandingAgenda.Default);
        var network = new Network
        {
            Id = NetworkId.New(),
            Name = Guard.Text(name, NameMaxLength, "Field.NetworkName"),
            Slug = NormaliseSlug(slug),
            Region = Guard.Text(region, RegionMaxLength, "Field.Region"),
            Cadence = cadence,
            StandingAgenda = agenda,
        };
        var coordinator = new Person(coordinatorName, coordinatorEmail, null, null, null, coordinatorOrganisation);
        network._people.Add(coordinator);
        network._roles.Add(new RoleAssignment(coordinator.Id, NetworkRole.Coordinator, today));
        return network;
    }

    /// <summary>
    /// The coordinator's settings: name, region, the public page's text and the meeting cadence. All are checked before
    /// any changes, so a refused edit leaves the network as it was.
    /// </summary>
    public void ChangeSettings(string name, string region, string? description, MeetingCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var checkedName = Guard.Text(name, NameMaxLength, "Field.NetworkName");
        var checkedRegion = Guard.Text(region, RegionMaxLength, "Field.Region");
        var checkedDescription = Guard.OptionalText(description, DescriptionMaxLength, "Field.NetworkDescription") ?? string.Empty;
        Name = checkedName;
        Region = checkedRegion;
        Description = checkedDescription;
        Cadence = cadence;
    }

    /// <summary>
    /// Sets the items (titles and order) that meetings planned from now on start with; meetings already planned keep
    /// theirs. The applications item and the theme groups' updates item stay (the app puts waiting applications and the
    /// groups' update slots there), each once; at most <see cref="StandingAgendaItem.MaxItems"/> items, titles unique.
    /// </summary>
    public void ChangeStandingAgenda(IEnumerable<StandingAgendaItem> items) => StandingAgenda = CheckedStandingAgenda(items);

    /// <summary>Records an active employer's consent (or its withdrawal) to be named on the public page.</summary>
    public void SetListed(EmployerId employerId, bool listed)
    {
        var employer = EmployerById(employerId);
        if (!employer.IsActive && listed)
        {
            throw new DomainException("Network.EmployerLeft", employer.Name);
        }

        employer.SetListed(listed);
    }

    /// <summary>
    /// Registers a participating employer (one that joined before the app existed, too). With <paramref name="today"/>
    /// (what a person typed) the join date must lie in its sane range (<see cref="DateRules.EnsureJoinDate"/>).
    /// </summary>
    public Employer AddEmployer(string name, KvkNumber kvk, string sector, string town, DateOnly joinedOn,
        int jobsAmbition, bool listedPublicly = false, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(kvk);
        if (today is { } now)
        {
            DateRules.EnsureJoinDate(joinedOn, now);
        }

        if (_employers.Any(e => e.Kvk == kvk))
        {
            throw new DomainException("Network.KvkTaken", kvk.Value);
        }

        var employer = new Employer(name, kvk, sector, town, joinedOn, jobsAmbition, listedPublicly);
        _employers.Add(employer);
        return employer;
    }

    /// <summary>
    /// An admitted application's employer joins the network: listed publicly only with its consent, and its contact
    /// person takes part as a participant (an existing person with that email is reused). A declined, withdrawn or
    /// still open application cannot make anyone a member.
    /// </summary>
    public (Employer Employer, Person Contact) Admit(Application application, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.NetworkId != Id)
        {
            throw new DomainException("Meeting.OtherSeries");
        }

        if (application.Status != ApplicationStatus.Admitted)
        {
            throw new DomainException("Application.NotAdmitted");
        }

        var employer = AddEmployer(application.CompanyName, application.Kvk, application.Sector, application.Town, on, 0, application.ConsentToBeListed);
        var contact = _people.FirstOrDefault(p => p.Email == application.ContactEmail)
            ?? AddPerson(application.ContactName, application.ContactEmail, application.ContactPhone, application.ContactRole, employer.Id);
        if (!HasRole(contact.Id, NetworkRole.Participant))
        {
            AssignRole(contact.Id, NetworkRole.Participant, on);
        }

        return (employer, contact);
    }

    public void RecordJobs(EmployerId employerId, int ambition, int realised) =>
        EmployerById(employerId).SetJobs(ambition, realised);

    /// <summary>An employer leaves; its core group seat must be handed over first; its people stop being participants.</summary>
    public void EmployerLeaves(EmployerId employerId, DateOnly on)
    {
        var employer = EmployerById(employerId);
        var coreGroupSeat = _people.FirstOrDefault(p => p.EmployerId == employerId && HasRole(p.Id, NetworkRole.CoreGroupMember));
        if (coreGroupSeat is not null)
        {
            throw new DomainException("Network.LeaverHasCoreGroupSeat", employer.Name, coreGroupSeat.Name);
        }

        employer.Leave(on);
        // Its people no longer take part on behalf of the employer.
        var representatives = _people.Where(p => p.EmployerId == employerId).Select(p => p.Id).ToHashSet();
        foreach (var participation in _roles.Where(r => r.IsCurrent && r.Role == NetworkRole.Participant && representatives.Contains(r.PersonId)))
        {
            participation.End(on);
        }
    }

    public Person AddPerson(string name, EmailAddress email, string? phone = null, string? function = null,
        EmployerId? employerId = null, string? organisation = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (employerId is { } id && !EmployerById(id).IsActive)
        {
            throw new DomainException("Network.EmployerNotActive", EmployerById(id).Name);
        }

        if (_people.Any(p => p.Email == email))
        {
            throw new DomainException("Network.EmailTaken", email.Value);
        }

        var person = new Person(name, email, phone, function, employerId, organisation);
        _people.Add(person);
        return person;
    }

    public void AssignRole(PersonId personId, NetworkRole role, DateOnly since)
    {
        var person = PersonById(personId);
        if (role == NetworkRole.Coordinator)
        {
            throw new DomainException("Network.UseAppointCoordinator");
        }

        if (!person.IsActive)
        {
            throw new DomainException("Network.PersonInactive", person.Name);
        }

        if (HasRole(personId, role))
        {
            throw new DomainException("Network.RoleAlreadyHeld", person.Name);
        }

        if (role is NetworkRole.CoreGroupMember or NetworkRole.Participant
            && (person.EmployerId is not { } employerId || !EmployerById(employerId).IsActive))
        {
            throw new DomainException("Network.RoleNeedsEmployer", person.Name);
        }

        _roles.Add(new RoleAssignment(personId, role, since));
    }

    public void RevokeRole(PersonId personId, NetworkRole role, DateOnly on)
    {
        if (role == NetworkRole.Coordinator)
        {
            throw new DomainException("Network.CoordinatorNeedsSuccessor");
        }

        var assignment = _roles.FirstOrDefault(r => r.IsCurrent && r.PersonId == personId && r.Role == role)
            ?? throw new DomainException("Network.RoleNotHeld", PersonById(personId).Name);
        assignment.End(on);
    }

    /// <summary>Hands coordination over: the new coordinator replaces the current one, so there is always exactly one.</summary>
    public void AppointCoordinator(PersonId personId, DateOnly since)
    {
        var person = PersonById(personId);
        if (!person.IsActive)
        {
            throw new DomainException("Network.PersonInactive", person.Name);
        }

        var current = _roles.Single(r => r.IsCurrent && r.Role == NetworkRole.Coordinator);
        if (current.PersonId == personId)
        {
            throw new DomainException("Network.RoleAlreadyHeld", person.Name);
        }

        current.End(since);
        _roles.Add(new RoleAssignment(personId, NetworkRole.Coordinator, since));
    }

    /// <summary>A person changes their own name and phone (their profile); the email stays the network's to change.</summary>
    public void ChangeContactDetails(PersonId personId, string name, string? phone) =>
        PersonById(personId).ChangeContactDetails(name, phone);

    /// <summary>
    /// Changes a person's details (their email stays: it is their sign-in name). Someone who takes part on behalf of
    /// an employer (participant, core group) keeps that employer until those roles have ended; a new employer must be active.
    /// </summary>
    public void EditPerson(PersonId personId, string name, string? phone, string? function, EmployerId? employerId, string? organisation)
    {
        var person = PersonById(personId);
        if (employerId != person.EmployerId)
        {
            if (HasRole(personId, NetworkRole.Participant) || HasRole(personId, NetworkRole.CoreGroupMember))
            {
                throw new DomainException("Network.EmployerBoundRoles", person.Name);
            }

            if (employerId is { } id && !EmployerById(id).IsActive)
            {
                throw new DomainException("Network.EmployerNotActive", EmployerById(id).Name);
            }
        }

        person.Edit(name, phone, function, employerId, organisation);
    }

    /// <summary>A deactivated person may work with the network again; the roles they held stay ended and are assigned anew.</summary>
    public void ReactivatePerson(PersonId personId)
    {
        var person = PersonById(personId);
        if (person.IsActive)
        {
            throw new DomainException("Network.PersonAlreadyActive", person.Name);
        }

        person.Reactivate();
    }

    /// <summary>Deactivates a person (their account loses access); the coordinator must hand over first.</summary>
    public void DeactivatePerson(PersonId personId, DateOnly on)
    {
        var person = PersonById(personId);
        if (!person.IsActive)
        {
            throw new DomainException("Network.PersonInactive", person.Name);
        }

        if (HasRole(personId, NetworkRole.Coordinator))
        {
            throw new DomainException("Network.CoordinatorNeedsSuccessor");
        }

        foreach (var held in _roles.Where(r => r.IsCurrent && r.PersonId == personId))
        {
            held.End(on);
        }
        person.Deactivate();
    }

    /// <summary>Who a core group meeting is for: the coordinator first, then the active core group members by name.</summary>
    public IReadOnlyList<Person> CoreGroupAttendees() =>
    [
        .. _people.Where(p => p.IsActive && HasRole(p.Id, NetworkRole.Coordinator)),
        .. _people.Where(p => p.IsActive && HasRole(p.Id, NetworkRole.CoreGroupMember) && !HasRole(p.Id, NetworkRole.Coordinator))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture),
    ];

    public bool HasRole(PersonId personId, NetworkRole role) =>
        _roles.Any(r => r.IsCurrent && r.PersonId == personId && r.Role == role);

    /// <summary>The person is the network's coordinator now and still active (what every coordinator-only screen asks).</summary>
    public bool IsActiveCoordinator(PersonId personId) =>
        HasRole(personId, NetworkRole.Coordinator) && _people.Any(p => p.Id == personId && p.IsActive);

    public IReadOnlyList<NetworkRole> RolesOf(PersonId personId) =>
        [.. _roles.Where(r => r.IsCurrent && r.PersonId == personId).Select(r => r.Role).Order()];

    public Person PersonById(PersonId id) =>
        _people.FirstOrDefault(p => p.Id == id) ?? throw new DomainException("Network.UnknownPerson");

    public Employer EmployerById(EmployerId id) =>
        _employers.FirstOrDefault(e => e.Id == id) ?? throw new DomainException("Network.UnknownEmployer");

    /// <summary>The network's wall-clock time (meetings are planned in local time).</summary>
    public DateTime LocalNow(TimeProvider time) => LocalNow(time, TimeZoneId);

    /// <summary>Wall-clock time in a network's time zone.</summary>
    public static DateTime LocalNow(TimeProvider time, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;
    }

    void IAggregateRoot.BumpVersion() => Version++;

    /// <summary>
    /// A slug is the network's web address (<c>/n/{slug}</c>): lower-case letters, digits and single hyphens between them,
    /// <see cref="SlugMinLength"/> to <see cref="SlugMaxLength"/> characters.
    /// </summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: >= SlugMinLength and <= SlugMaxLength }
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal);

    private static string NormaliseSlug(string slug)
    {
        var value = Guard.Text(slug, SlugMaxLength, "Field.Slug").ToLowerInvariant();
        return IsValidSlug(value) ? value : throw new DomainException("Network.SlugInvalid");
    }

    private static List<StandingAgendaItem> CheckedStandingAgenda(IEnumerable<StandingAgendaItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        if (list.Count > StandingAgendaItem.MaxItems)
        {
            throw new DomainException("StandingAgenda.TooMany", StandingAgendaItem.MaxItems);
        }

        foreach (var kind in (StandingItem[])[StandingItem.Applications, StandingItem.ThemeGroupUpdates])
        {
            if (list.Count(i => i.Kind == kind) != 1)
            {
                throw new DomainException("StandingAgenda.KindRequired", Meetings.StandingAgenda.TitleOf(kind));
            }
        }

        if (list.Where(i => i.Kind is not null).GroupBy(i => i.Kind).Any(g => g.Count() > 1)
            || list.GroupBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new DomainException("StandingAgenda.Duplicate");
        }

        return list;
    }
}
