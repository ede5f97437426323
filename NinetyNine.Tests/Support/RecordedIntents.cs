using NinetyNine.Domain.Meetings;
using NinetyNine.Web.Features.Meetings.Live;
using NinetyNine.Web.Live;

namespace NinetyNine.Tests.Support;

/// <summary>An agenda client whose intents are only written down (for component tests): "MoveItem(id, 1)", in order.</summary>
public sealed class RecordedIntents : IAgendaCommands
{
    private static readonly AgendaResult Ok = new(true, null, 1);

    public List<string> Calls { get; } = [];

    /// <summary>A live agenda that sends through this recorder; it is never started.</summary>
    public AgendaLive Live() => AgendaLive.Over(new LiveSource<MeetingSnapshot, AgendaChange>(
            _ => Task.FromResult<MeetingSnapshot?>(null), (_, _) => Task.FromResult<IReadOnlyList<AgendaChange>?>([]), (_, _) => new Nothing()),
        this, Guid.NewGuid(), () => null);

    private Task<AgendaResult> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(Ok);
    }

    public Task<AgendaResult> AddItemAsync(Guid operationId, string title) => Record($"AddItem({title})");
    public Task<AgendaResult> RetitleItemAsync(Guid operationId, Guid itemId, string title) => Record($"RetitleItem({itemId}, {title})");
    public Task<AgendaResult> RemoveItemAsync(Guid operationId, Guid itemId) => Record($"RemoveItem({itemId})");
    public Task<AgendaResult> MoveItemAsync(Guid operationId, Guid itemId, int index) => Record($"MoveItem({itemId}, {index})");
    public Task<AgendaResult> SetPresenterAsync(Guid operationId, Guid itemId, string? presenter) => Record($"SetPresenter({itemId}, {presenter})");
    public Task<AgendaResult> SetTimeboxAsync(Guid operationId, Guid itemId, int? minutes) => Record($"SetTimebox({itemId}, {minutes})");
    public Task<AgendaResult> EditNotesAsync(Guid operationId, Guid itemId, long baseRevision, string operation) => Record($"EditNotes({itemId}, {baseRevision}, {operation})");
    public Task<AgendaResult> RecordDecisionAsync(Guid operationId, Guid itemId, string text) => Record($"RecordDecision({itemId}, {text})");
    public Task<AgendaResult> RemoveDecisionAsync(Guid operationId, Guid itemId, Guid decisionId) => Record($"RemoveDecision({itemId}, {decisionId})");
    public Task<AgendaResult> AddActionAsync(Guid operationId, Guid itemId, string text, string? owner, DateOnly? dueOn) => Record($"AddAction({itemId}, {text}, {owner}, {dueOn})");
    public Task<AgendaResult> SetActionDoneAsync(Guid operationId, Guid itemId, Guid actionId, bool done) => Record($"SetActionDone({itemId}, {actionId}, {done})");
    public Task<AgendaResult> RemoveActionAsync(Guid operationId, Guid itemId, Guid actionId) => Record($"RemoveAction({itemId}, {actionId})");
    public Task<AgendaResult> RemoveTopicAsync(Guid operationId, Guid itemId, Guid topicId) => Record($"RemoveTopic({itemId}, {topicId})");
    public Task<AgendaResult> StartMeetingAsync(Guid operationId) => Record("StartMeeting()");
    public Task<AgendaResult> MoveToItemAsync(Guid operationId, Guid itemId) => Record($"MoveToItem({itemId})");
    public Task<AgendaResult> CloseMeetingAsync(Guid operationId) => Record("CloseMeeting()");
    public Task<AgendaResult> RescheduleAsync(Guid operationId, DateTime startsAt, int durationMinutes, MeetingMode mode, string? details) =>
        Record($"Reschedule({startsAt:s}, {durationMinutes}, {mode}, {details})");
    public Task<AgendaResult> CancelMeetingAsync(Guid operationId) => Record("CancelMeeting()");
    public Task<IReadOnlyList<NotesStepState>?> NotesSinceAsync(Guid itemId, long revision) => Task.FromResult<IReadOnlyList<NotesStepState>?>([]);
    public Task EditingAsync(Guid? itemId) => Task.CompletedTask;

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
