using System.Text;
using System.Text.Json;
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

    /// <summary>
    /// How many of the latest notes edits an item keeps to transform a late edit against (an edit made on an older
    /// revision is refused); a few minutes of typing by several people.
    /// </summary>
    public const int NotesHistorySteps = 400;

    private readonly List<Decision> _decisions = [];
    private readonly List<ActionItem> _actionItems = [];
    private readonly List<AgendaTopic> _topics = [];

    /// <summary>The latest notes edits, stored as JSON (see <see cref="NotesStep"/>); read once per loaded item.</summary>
    private string _notesHistory = "[]";
    private List<NotesStep>? _history;

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

    /// <summary>How many edits the notes have had: the revision an edit of them is made against.</summary>
    public long NotesRevision { get; private set; }

    /// <summary>
    /// The item that holds the action items still open from earlier meetings (one per meeting); made by the carry-over,
    /// so its title is the app's own words, shown in the reader's language.
    /// </summary>
    public bool HoldsOpenActions { get; internal set; }

    /// <summary>True once the meeting moved past this item (or closed while it was current).</summary>
    public bool Discussed { get; internal set; }

    public IReadOnlyList<Decision> Decisions => _decisions.AsReadOnly();
    public IReadOnlyList<ActionItem> ActionItems => _actionItems.AsReadOnly();

    /// <summary>Applications or theme group slots under this item, in order.</summary>
    public IReadOnlyList<AgendaTopic> Topics => _topics.OrderBy(t => t.Position).ToList().AsReadOnly();

    /// <summary>A new title; the item of open actions given one of the group's own is theirs from then on (no longer the app's).</summary>
    internal void Retitle(string title)
    {
        Title = Guard.Text(title, TitleMaxLength, "Field.AgendaTitle");
        HoldsOpenActions = false;
    }

    internal void SetPresenter(string? presenter) => Presenter = Guard.OptionalText(presenter, PresenterMaxLength, "Field.Presenter");

    internal void SetTimebox(int? minutes)
    {
        if (minutes is < 1 or > MaxTimeboxMinutes)
        {
            throw new DomainException("Agenda.Timebox", MaxTimeboxMinutes);
        }

        TimeboxMinutes = minutes;
    }

    /// <summary>Replaces the notes as a whole (carried over, or set by the server): one edit like any other.</summary>
    internal void SetNotes(string? notes)
    {
        var value = Guard.FreeText(notes, NotesMaxLength, "Field.Notes");

        if (value != Notes)
        {
            Record(Guid.NewGuid(), TextOperation.Create().Delete(Notes.Length).Insert(value).Build(), value);
        }
    }

    /// <summary>
    /// Applies one edit of the notes made against <paramref name="baseRevision"/>: transformed first against every edit
    /// applied since, so it lands where its writer meant it, next to what others typed meanwhile. Returns the edit as
    /// applied (the one others apply on top of the revision before).
    /// </summary>
    internal NotesStep EditNotes(long baseRevision, Guid operationId, TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var since = NotesSince(baseRevision) ?? throw new DomainException(baseRevision > NotesRevision ? "Agenda.NotesRevisionUnknown" : "Agenda.NotesTooOld");
        foreach (var step in since)
        {
            operation = TextOperation.Transform(operation, step.Operation).A;
        }

        var result = Guard.FreeText(operation.Apply(Notes), NotesMaxLength, "Field.Notes");

        return Record(operationId, operation, result);
    }

    /// <summary>The edits made after <paramref name="revision"/>, in order; null when they are no longer all kept (or never were).</summary>
    public IReadOnlyList<NotesStep>? NotesSince(long revision)
    {
        if (revision > NotesRevision || revision < 0)
        {
            return null;
        }

        var history = History();
        var missing = NotesRevision - revision;
        return missing > history.Count ? null : history.GetRange(history.Count - (int)missing, (int)missing);
    }

    private NotesStep Record(Guid operationId, TextOperation operation, string result)
    {
        var step = new NotesStep(NotesRevision + 1, operationId, operation);
        var history = History();
        history.Add(step);
        // Keep the latest steps, and no more text than twice the longest notes, so the stored history stays small.
        var kept = 0L;
        var keep = 0;
        for (var i = history.Count - 1; i >= 0 && keep < NotesHistorySteps; i--)
        {
            kept += history[i].Operation.Parts.Sum(p => (long)(p.Text?.Length ?? 0));
            if (kept > TextOperation.MaxLength && keep > 0)
            {
                break;
            }

            keep++;
        }

        history.RemoveRange(0, history.Count - keep);
        Notes = result;
        NotesRevision = step.Revision;
        _notesHistory = Serialize(history);
        return step;
    }

    private List<NotesStep> History()
    {
        if (_history is null)
        {
            using var document = JsonDocument.Parse(string.IsNullOrEmpty(_notesHistory) ? "[]" : _notesHistory);
            _history = [.. document.RootElement.EnumerateArray().Select(e =>
                new NotesStep(e.GetProperty("r").GetInt64(), e.GetProperty("id").GetGuid(), TextOperation.FromJson(e.GetProperty("op"))))];
        }

        return _history;
    }

    private static string Serialize(List<NotesStep> history)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var step in history)
            {
                writer.WriteStartObject();
                writer.WriteNumber("r", step.Revision);
                writer.WriteString("id", step.OperationId);
                writer.WritePropertyName("op");
                step.Operation.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

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

    /// <summary>An open action of an earlier meeting, with its identity (a card made from it stays linked); once per item.</summary>
    internal void CarryAction(ActionItem action)
    {
        if (_actionItems.Any(a => a.Id == action.Id))
        {
            return;
        }

        if (_actionItems.Count >= MaxActionItems)
        {
            throw new DomainException("Agenda.TooManyActions", MaxActionItems);
        }

        _actionItems.Add(action.CopyOpen());
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

/// <summary>One edit of an item's notes as the server applied it: the revision it made, who sent it (operation id), and the edit.</summary>
public sealed record NotesStep(long Revision, Guid OperationId, TextOperation Operation);

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

    /// <summary>The same action, still open, for the next meeting: same id, text, owner and due date.</summary>
    internal ActionItem CopyOpen() => new(Text, Owner, DueOn) { Id = Id };
}
