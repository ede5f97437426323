using System.Globalization;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Domain.Applications;

/// <summary>
/// A prospective employer's request to join a network (aanmelding). The core group decides on it;
/// until then it is open. Holds only business contact data, nothing about job candidates.
/// </summary>
public sealed class Application : IAggregateRoot
{
    private readonly List<CoreGroupView> _views = [];
    private readonly List<ApplicationDecision> _decisions = [];
    private readonly List<ApplicationNote> _notes = [];

    private Application() { }

    public ApplicationId Id { get; private set; }
    public NetworkId NetworkId { get; private set; }
    public string Reference { get; private set; } = string.Empty;
    public string CompanyName { get; private set; } = string.Empty;
    public KvkNumber Kvk { get; private set; } = null!;
    public string Sector { get; private set; } = string.Empty;
    public string Town { get; private set; } = string.Empty;
    public int Employees { get; private set; }
    public string? Website { get; private set; }
    public string ContactName { get; private set; } = string.Empty;
    public string? ContactRole { get; private set; }
    public EmailAddress ContactEmail { get; private set; } = null!;
    public string? ContactPhone { get; private set; }
    public string Motivation { get; private set; } = string.Empty;
    public Offer Offers { get; private set; }
    public string? OfferDetails { get; private set; }
    public bool ConsentToBeListed { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public int Version { get; private set; }

    /// <summary>Waiting for the core group's decision (submitted, scheduled on a meeting, or deferred).</summary>
    public bool IsOpen => ApplicationStatuses.Open.Contains(Status);

    /// <summary>
    /// Waiting for a decision but on no meeting's agenda yet (item 1 of the next meetings was full, or it was deferred):
    /// the coordinator sees these apart, and the next meeting with room takes them.
    /// </summary>
    public bool IsAwaitingMeeting => IsOpen && ScheduledMeetingId is null;

    /// <summary>When it ended: admitted, declined or withdrawn. Retention of a declined or withdrawn one counts from here.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the contact person's data and the texts were removed after the retention period.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>The meeting whose agenda it is on, while scheduled.</summary>
    public MeetingId? ScheduledMeetingId { get; private set; }

    /// <summary>When the coordinator closed the core group's vote; until then every view stays private to its author.</summary>
    public DateTimeOffset? VoteClosedAt { get; private set; }

    public bool IsVoteClosed => VoteClosedAt is not null;

    public int ViewCount => _views.Count;
    public IReadOnlyList<ApplicationDecision> Decisions => _decisions.AsReadOnly();
    public IReadOnlyList<ApplicationNote> Notes => _notes.AsReadOnly();

    /// <summary>The final decision (admitted or declined), once taken.</summary>
    public ApplicationDecision? FinalDecision => _decisions.LastOrDefault(d => d.Outcome != DecisionOutcome.Deferred);

    /// <summary>
    /// The views a person may see: before the vote is closed only their own (so nobody is swayed by the others,
    /// not even the coordinator); afterwards all of them.
    /// </summary>
    public IReadOnlyList<CoreGroupView> ViewsVisibleTo(PersonId viewer) =>
        IsVoteClosed ? _views.AsReadOnly() : [.. _views.Where(v => v.PersonId == viewer)];

    /// <summary>The count per fit, shown only once the vote is closed.</summary>
    public IReadOnlyDictionary<Fit, int>? Tally =>
        IsVoteClosed ? Enum.GetValues<Fit>().ToDictionary(f => f, f => _views.Count(v => v.Fit == f)) : null;

    /// <summary>Put on a meeting's agenda (item 1).</summary>
    public void ScheduleFor(MeetingId meetingId)
    {
        EnsureOpen();
        Status = ApplicationStatus.Scheduled;
        ScheduledMeetingId = meetingId;
    }

    /// <summary>A core group member records (or changes) their view while the vote is open.</summary>
    public void RecordView(PersonId personId, string personName, Fit fit, string? remark, DateTimeOffset now)
    {
        EnsureOpen();
        if (IsVoteClosed)
        {
            throw new DomainException("Application.VoteClosed");
        }

        if (_views.FirstOrDefault(v => v.PersonId == personId) is { } existing)
        {
            existing.Set(fit, remark, now);
        }
        else
        {
            _views.Add(new CoreGroupView(personId, personName, fit, remark, now));
        }
    }

    /// <summary>The coordinator closes the vote: the views and the tally become visible to the core group.</summary>
    public void CloseVote(DateTimeOffset now)
    {
        EnsureOpen();
        if (IsVoteClosed)
        {
            throw new DomainException("Application.VoteClosed");
        }

        VoteClosedAt = now;
    }

    /// <summary>
    /// Records the core group's decision with its written rationale. Admitting or declining needs a closed vote and
    /// happens once; deferring sends the application back to the next meeting with a fresh vote.
    /// </summary>
    public ApplicationDecision Decide(DecisionOutcome outcome, string rationale, DateOnly decidedOn, MeetingId? meetingId, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("Application.AlreadyDecided");
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Application.UnknownOutcome");
        }

        if (outcome != DecisionOutcome.Deferred && !IsVoteClosed)
        {
            throw new DomainException("Application.VoteStillOpen");
        }

        DateRules.Ensure(decidedOn, DateOnly.FromDateTime(now.DateTime), "Field.DecisionDate");

        var decision = new ApplicationDecision(outcome, rationale, decidedOn, meetingId, now);
        _decisions.Add(decision);
        Status = outcome switch
        {
            DecisionOutcome.Admitted => ApplicationStatus.Admitted,
            DecisionOutcome.Declined => ApplicationStatus.Declined,
            _ => ApplicationStatus.Deferred,
        };
        ScheduledMeetingId = null;
        if (outcome == DecisionOutcome.Deferred)
        {
            VoteClosedAt = null;
        }
        else
        {
            EndedAt = now;
        }

        return decision;
    }

    /// <summary>The employer withdraws while the application is still open.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        EnsureOpen();
        Status = ApplicationStatus.Withdrawn;
        ScheduledMeetingId = null;
        EndedAt = now;
    }

    /// <summary>True when a declined or withdrawn application has been kept for the retention period.</summary>
    public bool IsDueForAnonymising(DateTimeOffset now, TimeSpan retention) =>
        AnonymisedAt is null && Status is ApplicationStatus.Declined or ApplicationStatus.Withdrawn && EndedAt is { } ended && now - ended >= retention;

    /// <summary>
    /// Removes the personal data and free texts of a declined or withdrawn application; what remains (company, KvK,
    /// sector, town, outcome and the decision) keeps the register complete. An admitted employer's data lives on in the network.
    /// </summary>
    public void Anonymise(DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Declined or ApplicationStatus.Withdrawn))
        {
            throw new DomainException("Application.NotEnded");
        }

        ContactName = Text.Get("Application.Anonymised");
        ContactRole = null;
        ContactEmail = EmailAddress.Parse($"verwijderd-{Id.Value:N}@example.invalid");
        ContactPhone = null;
        Website = null;
        Motivation = Text.Get("Application.Anonymised");
        OfferDetails = null;
        _notes.Clear();
        _views.Clear();
        AnonymisedAt = now;
    }

    public ApplicationNote AddNote(string text, string author, DateTimeOffset now)
    {
        var note = new ApplicationNote(text, author, now);
        _notes.Add(note);
        return note;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("Application.AlreadyDecided");
        }
    }

    /// <summary>
    /// An employer applies to a network through its public form. Refused when the employer already takes part
    /// (an active employer with this KvK number) or already has an application waiting for a decision.
    /// </summary>
    public static Application SubmitTo(Network network, IEnumerable<Application> earlier, SubmitApplication form, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(form);
        var application = Submit(network.Id, form, now);
        if (network.Employers.Any(e => e.IsActive && e.Kvk == application.Kvk))
        {
            throw new DomainException("Application.AlreadyMember", application.Kvk.Value);
        }

        if (earlier.Any(a => a.NetworkId == network.Id && a.IsOpen && a.Kvk == application.Kvk))
        {
            throw new DomainException("Application.AlreadyWaiting", application.Kvk.Value);
        }

        return application;
    }

    /// <summary>Creates an application from a validated form. Invariants are checked again here.</summary>
    public static Application Submit(NetworkId networkId, SubmitApplication form, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Offers == Offer.None)
        {
            throw new DomainException("Application.NothingOffered");
        }

        if (form.Employees is null or < 1 or > SubmitApplication.MaxEmployees)
        {
            throw new DomainException("Application.Employees", SubmitApplication.MaxEmployees);
        }

        var id = ApplicationId.New();
        return new Application
        {
            Id = id,
            NetworkId = networkId,
            Reference = string.Create(CultureInfo.InvariantCulture, $"A{now:yyMM}-{id.Value.ToString("N")[^5..].ToUpperInvariant()}"),
            CompanyName = Guard.Text(form.CompanyName, SubmitApplication.NameMaxLength, "Field.EmployerName"),
            Kvk = KvkNumber.Parse(form.Kvk),
            Sector = Guard.Text(form.Sector, SubmitApplication.ShortTextMaxLength, "Field.Sector"),
            Town = Guard.Text(form.Town, SubmitApplication.ShortTextMaxLength, "Field.Town"),
            Employees = form.Employees.Value,
            Website = WebAddress(form.Website),
            ContactName = Guard.Text(form.ContactName, SubmitApplication.NameMaxLength, "Field.PersonName"),
            ContactRole = Guard.OptionalText(form.ContactRole, SubmitApplication.ShortTextMaxLength, "Field.Function"),
            ContactEmail = EmailAddress.Parse(form.ContactEmail),
            ContactPhone = Guard.OptionalText(form.ContactPhone, SubmitApplication.PhoneMaxLength, "Field.Phone"),
            Motivation = Guard.Text(form.Motivation, SubmitApplication.MotivationMaxLength, "Field.Motivation"),
            Offers = form.Offers,
            OfferDetails = Guard.OptionalText(form.OfferDetails, SubmitApplication.MotivationMaxLength, "Field.OfferDetails"),
            ConsentToBeListed = form.ConsentToBeListed,
            SubmittedAt = now,
            Status = ApplicationStatus.Submitted,
        };
    }

    void IAggregateRoot.BumpVersion() => Version++;

    /// <summary>Only http(s) addresses: a stored website may one day be rendered as a link.</summary>
    private static string? WebAddress(string? value)
    {
        var website = Guard.OptionalText(value, SubmitApplication.WebsiteMaxLength, "Field.Website");
        return website is null || SubmitApplication.IsWebAddress(website) ? website : throw new DomainException("Application.Website");
    }
}
