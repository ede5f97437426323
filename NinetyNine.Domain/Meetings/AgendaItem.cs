using NinetyNine.Domain.Common;

namespace NinetyNine.Domain.Meetings;

/// <summary>
/// One point on a meeting's agenda (agendapunt): who presents it, how long it may take, the notes
/// typed during the call, and the decisions and action items it produced. Its position is dense and
/// unique in the agenda.
/// </summary>
public sealed class AgendaItem
{
    public const int TitleMaxLength = 200;
    public const int PresenterMaxLength = 120;
    public const int NotesMaxLength = 20_000;
    public const int MaxTimeboxMinutes = 240;
    public const int MaxDecisions = 20;
    public const int MaxActionItems = 30;
    public const int MaxTopics = 30;

    private readonly List<Decision> _decisions = [];
    private readonly List<ActionItem> _actionItems = [];
    private readonly List<AgendaTopic> _topics = [];

    private AgendaItem() { }

    internal AgendaItem(string title, int position, StandingItem? standing)
    {
        Id = AgendaItemId.New();
        Title = Guard.Text(title, TitleMaxLength, "Field.AgendaTitle");
        Position = position;
        Standing = standing;
    }

    public AgendaItemId Id { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>Zero-based place in the agenda.</summary>
    public int Position { get; internal set; }

    /// <summary>Which of the four recurring items of the case this is; null for an item added to this meeting.</summary>
    public StandingItem? Standing { get; private set; }

    public bool IsStanding => Standing is not null;

    public string? Presenter { get; private set; }
    public int? TimeboxMinutes { get; private set; }
    public string Notes { get; private set; } = string.Empty;

    /// <summary>True once the meeting moved past this item (or closed while it was current).</summary>
    public bool Discussed { get; internal set; }

    public IReadOnlyList<Decision> Decisions => _decisions.AsReadOnly();
    public IReadOnlyList<ActionItem> ActionItems => _actionItems.AsReadOnly();

    /// <summary>Applications or theme group slots under this item, in order.</summary>
    public IReadOnlyList<AgendaTopic> Topics => _topics.OrderBy(t => t.Position).ToList().AsReadOnly();

    internal void Retitle(string title) => Title = Guard.Text(title, TitleMaxLength, "Field.AgendaTitle");

    internal void SetPresenter(string? presenter) => Presenter = Guard.OptionalText(presenter, PresenterMaxLength, "Field.Presenter");

    internal void SetTimebox(int? minutes)
    {
        if (minutes is < 1 or > MaxTimeboxMinutes)
        {
            throw new DomainException("Agenda.Timebox", MaxTimeboxMinutes);
        }

        TimeboxMinutes = minutes;
    }

    /// <summary>Notes are kept exactly as typed (spaces and line breaks included), within the cap and without control characters.</summary>
    internal void SetNotes(string? notes) => Notes = Guard.FreeText(notes, NotesMaxLength, "Field.Notes");

    internal Decision RecordDecision(string text, DateTime at)
    {
        if (_decisions.Count >= MaxDecisions)
        {
            throw new DomainException("Agenda.TooManyDecisions", MaxDecisions);
        }

        var decision = new Decision(text, at);
        _decisions.Add(decision);
        return decision;
    }

    internal void RemoveDecision(Guid decisionId) =>
        _decisions.Remove(_decisions.FirstOrDefault(d => d.Id == decisionId) ?? throw new DomainException("Agenda.UnknownDecision"));

    internal ActionItem AddActionItem(string text, string? owner, DateOnly? dueOn)
    {
        if (_actionItems.Count >= MaxActionItems)
        {
            throw new DomainException("Agenda.TooManyActions", MaxActionItems);
        }

        var action = new ActionItem(text, owner, dueOn);
        _actionItems.Add(action);
        return action;
    }

    internal void SetActionDone(Guid actionId, bool done) => Action(actionId).Done = done;

    internal void RemoveActionItem(Guid actionId) => _actionItems.Remove(Action(actionId));

    /// <summary>Adds a topic once: a second one for the same application or theme group is ignored.</summary>
    internal AgendaTopic? AddTopic(AgendaTopicKind kind, Guid referenceId, string title, string? presenter)
    {
        if (_topics.Any(t => t.Kind == kind && t.ReferenceId == referenceId))
        {
            return null;
        }

        if (_topics.Count >= MaxTopics)
        {
            throw new DomainException("Agenda.TooManyTopics", MaxTopics);
        }

        var topic = new AgendaTopic(kind, referenceId, title, presenter, _topics.Count);
        _topics.Add(topic);
        return topic;
    }

    internal void RemoveTopic(Guid topicId)
    {
        _topics.Remove(_topics.FirstOrDefault(t => t.Id == topicId) ?? throw new DomainException("Agenda.UnknownTopic"));
        var position = 0;
        foreach (var topic in _topics.OrderBy(t => t.Position))
        {
            topic.Position = position++;
        }
    }

    public bool HasTopic(AgendaTopicKind kind, Guid referenceId) => _topics.Any(t => t.Kind == kind && t.ReferenceId == referenceId);

    private ActionItem Action(Guid id) =>
        _actionItems.FirstOrDefault(a => a.Id == id) ?? throw new DomainException("Agenda.UnknownAction");
}

/// <summary>A decision (besluit) recorded on an agenda item; it goes into the minutes.</summary>
public sealed class Decision
{
    public const int TextMaxLength = 2_000;

    private Decision() { }

    internal Decision(string text, DateTime recordedAt)
    {
        Id = Guid.CreateVersion7();
        Text = Guard.Text(text, TextMaxLength, "Field.Decision");
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public string Text { get; private set; } = string.Empty;
    public DateTime RecordedAt { get; private set; }
}

/// <summary>An action item (actiepunt): what, who, by when. Open ones carry over to the next meeting.</summary>
public sealed class ActionItem
{
    public const int TextMaxLength = 500;
    public const int OwnerMaxLength = 120;

    private ActionItem() { }

    internal ActionItem(string text, string? owner, DateOnly? dueOn)
    {
        Id = Guid.CreateVersion7();
        Text = Guard.Text(text, TextMaxLength, "Field.ActionText");
        Owner = Guard.OptionalText(owner, OwnerMaxLength, "Field.ActionOwner");
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public string Text { get; private set; } = string.Empty;
    public string? Owner { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public bool Done { get; internal set; }

    internal ActionItem CopyOpen() => new(Text, Owner, DueOn);
}
