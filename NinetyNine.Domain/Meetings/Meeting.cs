using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Boards;
using NinetyNine.Domain.Common;
using NinetyNine.Domain.ThemeGroups;

namespace NinetyNine.Domain.Meetings;

/// <summary>
/// A core group meeting (kerngroepoverleg) with its ordered agenda. Invariants: agenda positions
/// are dense (0..n-1) and unique; a closed or cancelled meeting cannot change.
/// </summary>
public sealed class Meeting : IAggregateRoot
{
    public const int ModeDetailsMaxLength = 500;
    public const int MaxAgendaItems = 50;

    private readonly List<AgendaItem> _agenda = [];

    private Meeting() { }

    public MeetingId Id { get; private set; }
    public NetworkId NetworkId { get; private set; }

    /// <summary>Start in the network's local time.</summary>
    public DateTime StartsAt { get; private set; }

    /// <summary>
    /// The cadence date this meeting stands for in the three-weekly series; it stays the same when the meeting is
    /// moved or cancelled, so the series never plans that date twice. Null for an extra meeting.
    /// </summary>
    public DateOnly? SeriesDate { get; private set; }

    public int DurationMinutes { get; private set; }
    public MeetingMode Mode { get; private set; }

    /// <summary>Address, dial-in text or video link, depending on <see cref="Mode"/>.</summary>
    public string? ModeDetails { get; private set; }

    public MeetingStatus Status { get; private set; }
    public int Version { get; private set; }

    /// <summary>When the meeting went live (local time).</summary>
    public DateTime? StartedAt { get; private set; }

    /// <summary>The item being discussed while live, and since when.</summary>
    public AgendaItemId? CurrentItemId { get; private set; }

    public DateTime? CurrentItemStartedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => _agenda.OrderBy(i => i.Position).ToList().AsReadOnly();

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);

    /// <summary>Minutes assumed for an item without a timebox when predicting the end.</summary>
    public const int DefaultItemMinutes = 10;

    /// <summary>Start (or actual start when live) plus every item's timebox.</summary>
    public DateTime PredictedEnd => (StartedAt ?? StartsAt).AddMinutes(_agenda.Sum(i => i.TimeboxMinutes ?? DefaultItemMinutes));

    /// <summary>The agenda against the clock at <paramref name="now"/> (the network's local time): predicted end, overrun, time left of the current item.</summary>
    public AgendaTiming Timing(DateTime now) =>
        AgendaTiming.Of(Status, StartsAt, DurationMinutes, StartedAt, CurrentItemId?.Value, CurrentItemStartedAt,
            Agenda.Select(i => new TimedItem(i.Id.Value, i.TimeboxMinutes, i.Discussed)), now);

    /// <summary>Starting at <paramref name="now"/> would not be on the meeting's own day (the page asks first).</summary>
    public static bool IsOtherDay(DateTime startsAt, DateTime now) => startsAt.Date != now.Date;

    public bool IsEditable => Status is MeetingStatus.Planned or MeetingStatus.Live;

    /// <summary>
    /// Plans a core group meeting with the standing agenda of the network (<paramref name="standingAgenda"/>, the case's
    /// four items when not given): a regular one of the series when <paramref name="seriesDate"/> is given, an extra one
    /// otherwise. The start lies within the sane range around <paramref name="now"/> (the network's local time; <see cref="DateRules"/>).
    /// </summary>
    public static Meeting Schedule(NetworkId networkId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? modeDetails, DateTime now,
        DateOnly? seriesDate = null, IEnumerable<StandingAgendaItem>? standingAgenda = null)
    {
        EnsureDuration(durationMinutes);
        DateRules.Ensure(startsAt, now, "Field.MeetingDate");

        var meeting = new Meeting
        {
            Id = MeetingId.New(),
            NetworkId = networkId,
            StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Unspecified),
            DurationMinutes = durationMinutes,
            Mode = mode,
            ModeDetails = Guard.OptionalText(modeDetails, ModeDetailsMaxLength, "Field.ModeDetails"),
            Status = MeetingStatus.Planned,
            SeriesDate = seriesDate,
        };
        foreach (var item in standingAgenda ?? StandingAgenda.Default)
        {
            meeting._agenda.Add(new AgendaItem(item.Title, meeting._agenda.Count, item.Kind));
        }

        return meeting;
    }

    public AgendaItem AddAgendaItem(string title)
    {
        EnsureEditable();
        if (_agenda.Count >= MaxAgendaItems)
        {
            throw new DomainException("Meeting.AgendaFull", MaxAgendaItems);
        }

        var item = new AgendaItem(title, _agenda.Count, standing: null);
        _agenda.Add(item);
        return item;
    }

    public void RetitleAgendaItem(AgendaItemId itemId, string title)
    {
        EnsureEditable();
        Item(itemId).Retitle(title);
    }

    public void RemoveAgendaItem(AgendaItemId itemId)
    {
        EnsureEditable();
        var item = Item(itemId);
        _agenda.Remove(item);
        if (CurrentItemId == itemId)
        {
            CurrentItemId = null;
            CurrentItemStartedAt = null;
        }

        Renumber(_agenda.OrderBy(i => i.Position).ToList());
    }

    /// <summary>Moves an item to a zero-based position; the others shift so positions stay dense.</summary>
    public void MoveAgendaItem(AgendaItemId itemId, int newPosition)
    {
        EnsureEditable();
        var item = Item(itemId);
        if (newPosition < 0 || newPosition >= _agenda.Count)
        {
            throw new DomainException("Meeting.PositionOutOfRange", _agenda.Count);
        }

        var ordered = _agenda.OrderBy(i => i.Position).ToList();
        ordered.Remove(item);
        ordered.Insert(newPosition, item);
        Renumber(ordered);
    }

    public void SetPresenter(AgendaItemId itemId, string? presenter)
    {
        EnsureEditable();
        Item(itemId).SetPresenter(presenter);
    }

    public void SetTimebox(AgendaItemId itemId, int? minutes)
    {
        EnsureEditable();
        Item(itemId).SetTimebox(minutes);
    }

    /// <summary>Replaces an item's notes as a whole (one edit, so open fields follow); typing goes through <see cref="EditNotes"/>.</summary>
    public void SetNotes(AgendaItemId itemId, string? notes)
    {
        EnsureEditable();
        Item(itemId).SetNotes(notes);
    }

    /// <summary>
    /// One edit of an item's notes, made against the notes at <paramref name="baseRevision"/> and transformed against
    /// the edits applied since (operational transform), so people typing at once all keep their words together.
    /// </summary>
    public NotesStep EditNotes(AgendaItemId itemId, long baseRevision, Guid operationId, TextOperation operation)
    {
        EnsureEditable();
        return Item(itemId).EditNotes(baseRevision, operationId, operation);
    }

    public Decision RecordDecision(AgendaItemId itemId, string text, DateTime at)
    {
        EnsureEditable();
        return Item(itemId).RecordDecision(text, at);
    }

    public void RemoveDecision(AgendaItemId itemId, Guid decisionId)
    {
        EnsureEditable();
        Item(itemId).RemoveDecision(decisionId);
    }

    /// <summary>An action item of this meeting; its due date lies within the sane range around the meeting's date (<see cref="DateRules"/>).</summary>
    public ActionItem AddActionItem(AgendaItemId itemId, string text, string? owner, DateOnly? dueOn)
    {
        EnsureEditable();
        if (dueOn is { } due)
        {
            DateRules.Ensure(due, DateOnly.FromDateTime(StartsAt), "Field.DueOn");
        }

        return Item(itemId).AddActionItem(text, owner, dueOn);
    }

    public void SetActionDone(AgendaItemId itemId, Guid actionId, bool done)
    {
        EnsureEditable();
        Item(itemId).SetActionDone(actionId, done);
    }

    public void RemoveActionItem(AgendaItemId itemId, Guid actionId)
    {
        EnsureEditable();
        Item(itemId).RemoveActionItem(actionId);
    }

    /// <summary>While live, moves the discussion to an item; the item left behind counts as discussed.</summary>
    public void MoveToItem(AgendaItemId itemId, DateTime now)
    {
        if (Status != MeetingStatus.Live)
        {
            throw new DomainException("Meeting.NotLive");
        }

        var next = Item(itemId);
        if (CurrentItemId == itemId)
        {
            return; // Already under discussion: its clock keeps running.
        }

        if (CurrentItemId is { } current)
        {
            Item(current).Discussed = true;
        }

        CurrentItemId = next.Id;
        CurrentItemStartedAt = now;
    }

    /// <summary>
    /// Carries what is left of this closed (or cancelled) meeting into the next one: items not discussed (other than the
    /// standing ones, which every meeting has, and the item of open actions, whose actions are carried themselves) and the
    /// action items still open. Those go into the next meeting's one item of open actions (made when there is none, and
    /// only when there is something to carry), each keeping its identity, so a card made from it on a board stays linked.
    /// </summary>
    public void CarryOverTo(Meeting next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Status is not (MeetingStatus.Closed or MeetingStatus.Cancelled))
        {
            throw new DomainException("Meeting.NotClosed");
        }

        if (next.NetworkId != NetworkId || next.Id == Id)
        {
            throw new DomainException("Meeting.OtherSeries");
        }

        var carried = Agenda.Where(i => !i.Discussed && !i.IsStanding && !i.HoldsOpenActions).ToList();
        var already = next._agenda.SelectMany(i => i.ActionItems).Select(a => a.Id).ToHashSet();
        // The oldest first: those carried before, then this meeting's own in agenda order.
        var open = Agenda.OrderBy(i => i.HoldsOpenActions ? 0 : 1).SelectMany(i => i.ActionItems).Where(a => !a.Done && !already.Contains(a.Id)).ToList();
        var holders = next.Agenda.Where(i => i.HoldsOpenActions).ToList();
        var room = holders.Sum(h => AgendaItem.MaxActionItems - h.ActionItems.Count);
        var newHolders = open.Count <= room ? 0 : (open.Count - room + AgendaItem.MaxActionItems - 1) / AgendaItem.MaxActionItems;

        // Check room first, so a refused carry-over leaves the next meeting untouched.
        next.EnsureEditable();
        if (next._agenda.Count + carried.Count + newHolders > MaxAgendaItems)
        {
            throw new DomainException("Meeting.AgendaFull", MaxAgendaItems);
        }

        foreach (var item in carried)
        {
            var copy = next.AddAgendaItem(item.Title);
            copy.SetPresenter(item.Presenter);
            copy.SetTimebox(item.TimeboxMinutes);
            copy.SetNotes(item.Notes);
        }

        // Open actions go into the item of open actions (one more per 30 only when it is full).
        foreach (var action in open)
        {
            var holder = holders.FirstOrDefault(h => h.ActionItems.Count < AgendaItem.MaxActionItems);
            if (holder is null)
            {
                holder = next.AddAgendaItem(Text.Get("Meeting.OpenActionsTitle"));
                holder.HoldsOpenActions = true;
                holders.Add(holder);
            }

            holder.CarryAction(action);
        }
    }

    /// <summary>
    /// Puts a topic (an application to decide on, a theme group's update slot) under one of the standing items.
    /// Adding the same topic twice changes nothing. When the standing item was removed from this agenda, it
    /// comes back at the end, so a waiting application never drops off.
    /// </summary>
    public AgendaTopic? AddTopic(StandingItem under, AgendaTopicKind kind, Guid referenceId, string title, string? presenter)
    {
        EnsureEditable();
        if (_agenda.Any(i => i.HasTopic(kind, referenceId)))
        {
            return null;
        }

        var item = _agenda.FirstOrDefault(i => i.Standing == under);
        if (item is null)
        {
            if (_agenda.Count >= MaxAgendaItems)
            {
                throw new DomainException("Meeting.AgendaFull", MaxAgendaItems);
            }

            item = new AgendaItem(StandingAgenda.TitleOf(under), _agenda.Count, under);
            _agenda.Add(item);
        }

        return item.AddTopic(kind, referenceId, title, presenter);
    }

    /// <summary>Item 1 can take one more application (it holds at most <see cref="AgendaItem.MaxTopics"/>).</summary>
    public bool HasRoomForApplication =>
        IsEditable && (_agenda.FirstOrDefault(i => i.Standing == StandingItem.Applications) is { } item
            ? item.Topics.Count < AgendaItem.MaxTopics
            : _agenda.Count < MaxAgendaItems);

    /// <summary>An application waiting for the core group's decision goes under item 1, once.</summary>
    public AgendaTopic? PutOnAgenda(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.NetworkId != NetworkId)
        {
            throw new DomainException("Meeting.OtherSeries");
        }

        return AddTopic(StandingItem.Applications, AgendaTopicKind.Application, application.Id.Value, application.CompanyName, presenter: null);
    }

    /// <summary>A theme group gets an update slot under item 2, presented by its lead (kartrekker) when it has one.</summary>
    public AgendaTopic? PlanUpdateSlot(ThemeGroup group, string? leadName)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.NetworkId != NetworkId)
        {
            throw new DomainException("Meeting.OtherSeries");
        }

        return AddTopic(StandingItem.ThemeGroupUpdates, AgendaTopicKind.ThemeGroupUpdate, group.Id.Value, group.Name, leadName);
    }

    /// <summary>
    /// A theme group's latest status report fills its update slot under item 2; a slot that is missing (removed, or the
    /// group is newer than the agenda) is added first. Returns the item holding the slot.
    /// </summary>
    public AgendaItem ReportOnUpdateSlot(Guid themeGroupId, string groupName, string? leadName, string report)
    {
        EnsureEditable();
        AddTopic(StandingItem.ThemeGroupUpdates, AgendaTopicKind.ThemeGroupUpdate, themeGroupId, groupName, leadName);
        var item = _agenda.Single(i => i.HasTopic(AgendaTopicKind.ThemeGroupUpdate, themeGroupId));
        item.Topics.Single(t => t.Kind == AgendaTopicKind.ThemeGroupUpdate && t.ReferenceId == themeGroupId).SetDetail(report);
        return item;
    }

    /// <summary>
    /// A theme group's latest status report in its update slot, as values: its status, the lead's words and the jobs it
    /// counts (the page says them in the reader's language). A missing slot is added first. Returns the item holding it.
    /// </summary>
    public AgendaItem ReportOnUpdateSlot(Guid themeGroupId, string groupName, string? leadName, GroupStatus status, string text, int jobsCreated)
    {
        EnsureEditable();
        AddTopic(StandingItem.ThemeGroupUpdates, AgendaTopicKind.ThemeGroupUpdate, themeGroupId, groupName, leadName);
        var item = _agenda.Single(i => i.HasTopic(AgendaTopicKind.ThemeGroupUpdate, themeGroupId));
        item.Topics.Single(t => t.Kind == AgendaTopicKind.ThemeGroupUpdate && t.ReferenceId == themeGroupId).SetReport(status, text, jobsCreated);
        return item;
    }

    public void RemoveTopic(AgendaItemId itemId, Guid topicId)
    {
        EnsureEditable();
        Item(itemId).RemoveTopic(topicId);
    }

    public bool HasTopic(AgendaTopicKind kind, Guid referenceId) => _agenda.Any(i => i.HasTopic(kind, referenceId));

    /// <summary>
    /// Moves a planned meeting to another time, length or way of meeting; it keeps its place in the series. The new start
    /// lies within the sane range around <paramref name="now"/> (the network's local time; <see cref="DateRules"/>).
    /// </summary>
    public void Reschedule(DateTime startsAt, int durationMinutes, MeetingMode mode, string? modeDetails, DateTime now)
    {
        EnsureEditable();
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException("Meeting.OnlyPlannedMoves");
        }

        EnsureDuration(durationMinutes);
        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Meeting.UnknownMode");
        }

        DateRules.Ensure(startsAt, now, "Field.MeetingDate");
        StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Unspecified);
        DurationMinutes = durationMinutes;
        Mode = mode;
        ModeDetails = Guard.OptionalText(modeDetails, ModeDetailsMaxLength, "Field.ModeDetails");
    }

    /// <summary>The call begins: the first item becomes current.</summary>
    public void Start(DateTime now)
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException("Meeting.NotPlanned");
        }

        Status = MeetingStatus.Live;
        StartedAt = now;
        if (Agenda is [var first, ..])
        {
            CurrentItemId = first.Id;
            CurrentItemStartedAt = now;
        }
    }

    /// <summary>Freezes the agenda, notes and decisions; the item under discussion counts as discussed.</summary>
    public void Close(DateTime now)
    {
        EnsureEditable();
        if (CurrentItemId is { } current)
        {
            Item(current).Discussed = true;
        }

        Status = MeetingStatus.Closed;
        CurrentItemId = null;
        CurrentItemStartedAt = null;
        ClosedAt = now;
    }

    public void Cancel()
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException("Meeting.NotPlanned");
        }

        Status = MeetingStatus.Cancelled;
    }

    void IAggregateRoot.BumpVersion() => Version++;

    private static void EnsureDuration(int durationMinutes)
    {
        if (durationMinutes is < 15 or > 480)
        {
            throw new DomainException("Cadence.Duration");
        }
    }

    public AgendaItem Item(AgendaItemId id) =>
        _agenda.FirstOrDefault(i => i.Id == id) ?? throw new DomainException("Meeting.UnknownItem");

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException(Status == MeetingStatus.Closed ? "Meeting.Closed" : "Meeting.Cancelled");
        }
    }

    private static void Renumber(List<AgendaItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
    }
}
