using NinetyNine.Web.Live;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Onboarding;

/// <summary>The intents a checklist client can send, each with its operation id (the same id when resent).</summary>
public interface IChecklistCommands
{
    Task<ChecklistResult> TickAsync(Guid operationId, int step);
    Task<ChecklistResult> UntickAsync(Guid operationId, int step, string reason);
    Task<ChecklistResult> CommentAsync(Guid operationId, int step, string text);
    Task<ChecklistResult> SkipAsync(Guid operationId, int step, string reason);
    Task<ChecklistResult> ReassignAsync(Guid operationId, int step, Guid? personId);
    Task<ChecklistResult> RedateAsync(Guid operationId, int step, DateOnly dueOn);
}

/// <summary>
/// One checklist kept live on the client: the <see cref="LiveClient{TSnapshot, TChange}"/> base orders, catches up and
/// resends; this part keeps the newest checklist and names the intents. The page builds it in-process
/// (<see cref="InProcess"/>); another client gives it its hub.
/// </summary>
public sealed class ChecklistLive(LiveSource<ChecklistSnapshot, ChecklistChange> source, IChecklistCommands commands)
    : LiveClient<ChecklistSnapshot, ChecklistChange>(source)
{
    private ChecklistSnapshot? _checklist;

    public ChecklistSnapshot? Checklist => Read(() => _checklist);

    /// <summary>The page's client: calls the service directly and follows the checklist's feed in this process.</summary>
    public static ChecklistLive InProcess(OnboardingService onboarding, CurrentMember member, Guid checklistId)
    {
        ArgumentNullException.ThrowIfNull(onboarding);
        var source = new LiveSource<ChecklistSnapshot, ChecklistChange>(
            ct => onboarding.SnapshotAsync(member, checklistId, ct),
            (since, ct) => onboarding.SinceAsync(member, checklistId, since, ct),
            (receive, dropped) => onboarding.Subscribe(checklistId, receive, dropped));
        return new ChecklistLive(source, new InProcessCommands(onboarding, member, checklistId));
    }

    public Task<ChecklistResult> TickAsync(int step) => Send(id => commands.TickAsync(id, step));

    public Task<ChecklistResult> UntickAsync(int step, string reason) => Send(id => commands.UntickAsync(id, step, reason));

    public Task<ChecklistResult> CommentAsync(int step, string text) => Send(id => commands.CommentAsync(id, step, text));

    public Task<ChecklistResult> SkipAsync(int step, string reason) => Send(id => commands.SkipAsync(id, step, reason));

    public Task<ChecklistResult> ReassignAsync(int step, Guid? personId) => Send(id => commands.ReassignAsync(id, step, personId));

    public Task<ChecklistResult> RedateAsync(int step, DateOnly dueOn) => Send(id => commands.RedateAsync(id, step, dueOn));

    protected override long SequenceOf(ChecklistChange change) => change.Sequence;

    protected override long SequenceOf(ChecklistSnapshot snapshot) => snapshot.Sequence;

    protected override void Load(ChecklistSnapshot snapshot) => _checklist = snapshot;

    protected override IReadOnlyCollection<Guid> Apply(ChecklistChange change)
    {
        _checklist = change.Checklist;
        return [];
    }

    private Task<ChecklistResult> Send(Func<Guid, Task<ChecklistResult>> send)
    {
        var operationId = Guid.NewGuid();
        return SendAsync(operationId, () => send(operationId), ChecklistResult.Refused);
    }

    private sealed class InProcessCommands(OnboardingService onboarding, CurrentMember member, Guid checklistId) : IChecklistCommands
    {
        public Task<ChecklistResult> TickAsync(Guid operationId, int step) => onboarding.TickAsync(member, checklistId, operationId, step);

        public Task<ChecklistResult> UntickAsync(Guid operationId, int step, string reason) => onboarding.UntickAsync(member, checklistId, operationId, step, reason);

        public Task<ChecklistResult> CommentAsync(Guid operationId, int step, string text) => onboarding.CommentAsync(member, checklistId, operationId, step, text);

        public Task<ChecklistResult> SkipAsync(Guid operationId, int step, string reason) => onboarding.SkipAsync(member, checklistId, operationId, step, reason);

        public Task<ChecklistResult> ReassignAsync(Guid operationId, int step, Guid? personId) =>
            onboarding.ReassignAsync(member, checklistId, operationId, step, personId);

        public Task<ChecklistResult> RedateAsync(Guid operationId, int step, DateOnly dueOn) => onboarding.RedateAsync(member, checklistId, operationId, step, dueOn);
    }
}
