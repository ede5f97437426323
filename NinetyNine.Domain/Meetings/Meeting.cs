using NinetyNine.Domain.Common;

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

    public int DurationMinutes { get; private set; }
    public MeetingMode Mode { get; private set; }

    /// <summary>Address, dial-in text or video link, depending on <see cref="Mode"/>.</summary>
    public string? ModeDetails { get; private set; }

    public MeetingStatus Status { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => _agenda.OrderBy(i => i.Position).ToList().AsReadOnly();

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public bool IsEditable => Status is MeetingStatus.Planned or MeetingStatus.Live;

    /// <summary>Plans a core group meeting with the standing agenda of the network.</summary>
    public static Meeting Schedule(NetworkId networkId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? modeDetails)
    {
        if (durationMinutes is < 15 or > 480)
        {
            throw new DomainException("Cadence.Duration");
        }

        var meeting = new Meeting
        {
            Id = MeetingId.New(),
            NetworkId = networkId,
            StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Unspecified),
            DurationMinutes = durationMinutes,
            Mode = mode,
            ModeDetails = Guard.OptionalText(modeDetails, ModeDetailsMaxLength, "Field.ModeDetails"),
            Status = MeetingStatus.Planned,
        };
        foreach (var title in StandingAgenda.Items)
        {
            meeting._agenda.Add(new AgendaItem(title, meeting._agenda.Count, standing: true));
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

        var item = new AgendaItem(title, _agenda.Count, standing: false);
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

    public void Reschedule(DateTime startsAt, MeetingMode mode, string? modeDetails)
    {
        EnsureEditable();
        StartsAt = DateTime.SpecifyKind(startsAt, DateTimeKind.Unspecified);
        Mode = mode;
        ModeDetails = Guard.OptionalText(modeDetails, ModeDetailsMaxLength, "Field.ModeDetails");
    }

    public void Start()
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException("Meeting.NotPlanned");
        }

        Status = MeetingStatus.Live;
    }

    public void Close()
    {
        EnsureEditable();
        Status = MeetingStatus.Closed;
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

    private AgendaItem Item(AgendaItemId id) =>
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
